import { type KeyPath } from './key-path.js';
/** One `FERRY__A__B=value` variable as applied to the config. */
export interface EnvOverride {
    readonly name: string;
    readonly path: KeyPath;
    readonly value: unknown;
}
export declare const ENV_OVERRIDE_PREFIX = "FERRY__";
/** Where an issue in an override is reported instead of a file path. */
export declare function envOverrideFile(name: string): string;
/**
 * Applies every `FERRY__A__B__C=value` in `env` to `raw`, in place (DESIGN §10). Each level is
 * matched case-insensitively against the keys already in the file, then the keys `schema`
 * declares, else lower-cased; under `[engines.<id>.env]` an unknown name keeps its case, since
 * it becomes a variable name for the engine. Values are read as TOML when they parse as TOML.
 * Variables are applied in name order, so a deeper override wins over a whole-table one.
 */
export declare function applyEnvOverrides(raw: Record<string, unknown>, env: NodeJS.ProcessEnv, schema: unknown): EnvOverride[];
