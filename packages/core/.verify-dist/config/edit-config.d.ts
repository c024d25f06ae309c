import type { LoadedConfig } from './loaded-config.js';
export interface SetConfigOptions {
    /**
     * Env overrides applied while validating the edit. None by default: the edit is about the
     * file, and the shell running `ferry config set` need not share the daemon's environment.
     */
    readonly env?: NodeJS.ProcessEnv;
    /** More checks on the edited config before it is written (plugin schemas); throw to refuse. */
    readonly validate?: (next: LoadedConfig) => void;
}
/**
 * `ferry config set <key> <value>`: edits the file's text in place (comments and layout kept),
 * validates the whole result, and only then replaces the file atomically with its mode kept.
 * `valueText` is read as TOML (`120`, `true`, `["a"]`, `"quoted"`), else taken as a string.
 * Throws ConfigInvalidError (file untouched) when the edit would make the config invalid.
 */
export declare function setConfigValue(path: string, dottedKey: string, valueText: string, options?: SetConfigOptions): Promise<LoadedConfig>;
