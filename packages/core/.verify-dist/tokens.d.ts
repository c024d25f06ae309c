import type { Clock } from './clock/clock.js';
import type { Logger } from './logging/logger.js';
import type { Command } from './api/command.js';
import type { Runner } from './api/engine.js';
import type { Lifecycle } from './api/lifecycle.js';
import type { PluginContext } from './api/plugin-context.js';
import type { Transport } from './api/transport.js';
/** A typed token: the type parameter documents what the token resolves to. */
export type Token<T> = symbol & {
    readonly __type?: T;
};
export declare const CLOCK: Token<Clock>;
export declare const LOGGER: Token<Logger>;
export declare const PLUGIN_CONTEXT: Token<PluginContext>;
/** The plugin's validated config section. */
export declare const PLUGIN_CONFIG: Token<unknown>;
export declare const ENGINE_RUNNER: Token<Runner>;
export declare const TRANSPORT: Token<Transport>;
export declare const COMMAND: Token<Command>;
export declare const SERVICE: Token<Lifecycle>;
export declare const CONFIG_SERVICE: Token<unknown>;
export declare const STATE_STORE: Token<unknown>;
export declare const PLUGIN_REGISTRY: Token<unknown>;
export declare const INGRESS_JOURNAL: Token<unknown>;
export declare const RUN_SERVICE: Token<unknown>;
export declare const COMMAND_REGISTRY: Token<unknown>;
export declare const TRANSPORT_HUB: Token<unknown>;
export declare const RESTART_COORDINATOR: Token<unknown>;
export declare const HOST_INFO: Token<unknown>;
export declare const NOTIFIER: Token<unknown>;
export declare const ENGINE_SOURCE: Token<unknown>;
export declare const PROJECT_ROUTER: Token<unknown>;
