import type { ZodType } from 'zod';
import { type KeyPath } from './key-path.js';
import type { LoadedConfig } from './loaded-config.js';
/**
 * Reads, parses and validates ferry.toml with env overrides applied (DESIGN §5, §10).
 * Throws ConfigNotFoundError when the file is missing and ConfigInvalidError (every problem,
 * each with file, line and key) when it cannot be used.
 */
export declare function loadConfig(path: string, env?: NodeJS.ProcessEnv): LoadedConfig;
/** `loadConfig` for text not (yet) on disk: `ferry config set` validates an edit before writing it. */
export declare function loadConfigText(path: string, text: string, env?: NodeJS.ProcessEnv): LoadedConfig;
/**
 * Validates one table of a loaded config (`['transports', 'telegram']`) with a plugin's own
 * schema. Issues carry full key paths (`transports.telegram.bot_token`) and file lines. An
 * absent table is validated as an empty one, so a schema made only of defaults passes.
 */
export declare function validateSection<T>(loaded: LoadedConfig, keyPath: KeyPath, schema: ZodType<T>): T;
