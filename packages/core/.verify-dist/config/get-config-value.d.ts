import type { LoadedConfig } from './loaded-config.js';
/**
 * The effective value of a key for `ferry config get` (env overrides and defaults applied):
 * `restart.drain_timeout_s`, `triggers.crons[0].chat`, `projects."my.app".path`.
 * Undefined when the key is not set and has no default.
 */
export declare function getConfigValue(loaded: LoadedConfig, dottedKey: string): unknown;
