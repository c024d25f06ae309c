import type { Logger } from '../logging/logger.js';
import type { ChatAddress } from './chat-address.js';
/** A small durable key-value store, namespaced per plugin, in the host's database. */
export interface PluginStore {
    get<T = unknown>(key: string): T | undefined;
    set(key: string, value: unknown): void;
    delete(key: string): void;
    keys(prefix?: string): string[];
}
/** Injected into every plugin's container as PLUGIN_CONTEXT. */
export interface PluginContext {
    readonly id: string;
    readonly kind: string;
    /** The package that declared the plugin. */
    readonly packageName: string;
    readonly packageDir: string;
    /** The instance's state dir (the config file's directory). */
    readonly stateDir: string;
    readonly logger: Logger;
    readonly store: PluginStore;
    /** Ferry's secrets removed: the environment a plugin should hand to child processes. */
    childEnv(extra?: Readonly<Record<string, string>>): NodeJS.ProcessEnv;
    /**
     * Chats bound to a project in `[projects.<name>] chats` (live: follows config reloads).
     * Transports accept these besides their own allowlists (DESIGN §10).
     */
    projectChats(): readonly ChatAddress[];
    /**
     * Asks the host for a polite stop (drain, then exit 0), as SIGTERM would. For transports
     * whose input has ended (the console's stdin closed).
     */
    requestShutdown(reason: string): void;
}
