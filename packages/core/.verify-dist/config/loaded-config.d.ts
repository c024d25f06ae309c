import type { EnvOverride } from './env-overrides.js';
import type { KeyPath } from './key-path.js';
import type { FerryConfig } from './schema.js';
/** Where a key's effective value came from: the file (with its line) or an env variable. */
export interface ConfigOrigin {
    /** The config file's path, or `env FERRY__…` for an override. */
    readonly file: string;
    readonly line?: number | undefined;
}
/** One successful load of ferry.toml: the text, the TOML object and the validated config. */
export interface LoadedConfig {
    /** Absolute path of the config file. */
    readonly path: string;
    readonly stateDir: string;
    /** The file's text as read (what line numbers refer to). */
    readonly text: string;
    /** The TOML object after env overrides, before zod (plugins validate their tables from it). */
    readonly raw: Record<string, unknown>;
    /** The core schema's view, defaults applied. */
    readonly config: FerryConfig;
    readonly envOverrides: readonly EnvOverride[];
    /** Line of the key in the file, or of its nearest existing parent; undefined when neither. */
    locate(keyPath: KeyPath): number | undefined;
    /** Like `locate`, but a key set (or under a table set) by an env override names the variable. */
    origin(keyPath: KeyPath): ConfigOrigin;
}
