import type { DependencyContainer } from 'tsyringe';
import type { ZodType } from 'zod';
import type { PluginDefinition, PluginKind } from '../api/plugin.js';
import type { PluginContext } from '../api/plugin-context.js';
import type { Clock } from '../clock/clock.js';
import { type Token } from '../tokens.js';
import { type PluginRecord } from './plugin-record.js';
/** Where a plugin's config lives in ferry.toml: `[engines.<id>]`, `[transports.<id>]`, `[plugins.<id>]`. */
export type ConfigKeyPath = readonly ['engines' | 'transports' | 'plugins', string];
export interface PluginLoadOptions {
    /** The host container; the plugin gets a child of it. */
    readonly parent: DependencyContainer;
    /** Builds the plugin's PLUGIN_CONTEXT. */
    readonly contextFor: (record: PluginRecord) => PluginContext;
    /**
     * Validates the plugin's config section with its own schema and returns the parsed value;
     * throws (ConfigInvalidError, naming file:line:key) when it does not fit.
     */
    readonly validateConfig: (schema: ZodType, keyPath: ConfigKeyPath) => unknown;
}
export interface LoadedPlugin {
    readonly record: PluginRecord;
    readonly definition: PluginDefinition;
    /** The plugin's own child container. */
    readonly container: DependencyContainer;
    readonly loadMs: number;
    /** Resolves from the plugin's container, e.g. `resolve(ENGINE_RUNNER)`. */
    resolve<T>(token: Token<T>): T;
}
export declare function configKeyPath(kind: PluginKind, id: string): ConfigKeyPath;
/**
 * Imports the entry, checks its default export against the manifest, validates its config and
 * lets it register into a fresh child container. Throws the first failure as is; the registry
 * records and wraps it.
 */
export declare function loadPluginEntry(record: PluginRecord, options: PluginLoadOptions, clock: Clock): Promise<LoadedPlugin>;
