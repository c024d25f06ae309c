import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import type { ZodType } from 'zod';
import { ConfigInvalidError, type ConfigIssue } from './config-invalid-error.js';
import { ConfigNotFoundError } from './config-not-found-error.js';
import { stateDirOf } from './config-path.js';
import { describeZodIssue, type ZodIssueLike } from './describe-zod-issue.js';
import { applyEnvOverrides, envOverrideFile } from './env-overrides.js';
import { KeyLocator } from './key-locator.js';
import { formatKeyPath, isKeyPathPrefix, type KeyPath } from './key-path.js';
import type { ConfigOrigin, LoadedConfig } from './loaded-config.js';
import { ferryConfigSchema } from './schema.js';
import { tomlSyntaxIssue } from './toml-syntax-issue.js';

/**
 * Reads, parses and validates ferry.toml with env overrides applied (DESIGN §5, §10).
 * Throws ConfigNotFoundError when the file is missing and ConfigInvalidError (every problem,
 * each with file, line and key) when it cannot be used.
 */
export function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  return loadConfigText(path, readConfigText(path), env);
}

/** The file's text; ConfigNotFoundError when it is not there. */
export function readConfigText(path: string): string {
  const absolute = resolve(path);
  try {
    return readFileSync(absolute, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ConfigNotFoundError(absolute, { cause: err });
    throw err;
  }
}

/** `loadConfig` for text not (yet) on disk: `ferry config set` validates an edit before writing it. */
export function loadConfigText(
  path: string,
  text: string,
  env: NodeJS.ProcessEnv = process.env,
): LoadedConfig {
  const absolute = resolve(path);
  // A BOM is not TOML, but some editors write one; dropping it shifts no line.
  const source = text.replace(/^\uFEFF/, '');
  let raw: Record<string, unknown>;
  try {
    raw = parse(source) as Record<string, unknown>;
  } catch (err) {
    if (err instanceof TomlError) {
      throw new ConfigInvalidError(tomlSyntaxIssue(absolute, source, err), { cause: err });
    }
    throw err;
  }
  const envOverrides = applyEnvOverrides(raw, env, ferryConfigSchema);
  const locator = KeyLocator.fromText(source);
  const origin = (keyPath: KeyPath): ConfigOrigin => {
    const override = envOverrides.findLast((o) => isKeyPathPrefix(o.path, keyPath));
    if (override) return { file: envOverrideFile(override.name) };
    return { file: absolute, line: locator.locate(keyPath) };
  };
  const result = ferryConfigSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throwIssues(result.error.issues, [], ferryConfigSchema, origin, result.error);
  return {
    path: absolute,
    stateDir: stateDirOf(absolute),
    text,
    raw,
    config: result.data,
    envOverrides,
    locate: (keyPath) => locator.locate(keyPath),
    origin,
  };
}

/**
 * Validates one table of a loaded config (`['transports', 'telegram']`) with a plugin's own
 * schema. Issues carry full key paths (`transports.telegram.bot_token`) and file lines. An
 * absent table is validated as an empty one, so a schema made only of defaults passes.
 */
export function validateSection<T>(loaded: LoadedConfig, keyPath: KeyPath, schema: ZodType<T>): T {
  let value: unknown = loaded.raw;
  for (const key of keyPath) {
    value =
      isIndexable(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
  }
  const result = schema.safeParse(value ?? {}, { reportInput: true });
  if (!result.success) throwIssues(result.error.issues, keyPath, schema, loaded.origin, result.error);
  return result.data as T;
}

function throwIssues(
  zodIssues: readonly ZodIssueLike[],
  prefix: KeyPath,
  schema: unknown,
  origin: (keyPath: KeyPath) => ConfigOrigin,
  cause: unknown,
): never {
  const issues: ConfigIssue[] = [];
  for (const zodIssue of zodIssues) {
    for (const { path, problem } of describeZodIssue(zodIssue, schema)) {
      const full = [...prefix, ...path];
      issues.push({ ...origin(full), key: formatKeyPath(full), problem });
    }
  }
  // Read top to bottom, file before env overrides: the order a person fixes them in.
  issues.sort((a, b) => rank(a) - rank(b));
  const [first, ...rest] = issues;
  const fallback = { ...origin(prefix), key: formatKeyPath(prefix) || '(top level)', problem: 'invalid' };
  throw new ConfigInvalidError(first ? [first, ...rest] : fallback, { cause });
}

function rank(issue: ConfigIssue): number {
  if (issue.file.startsWith('env ')) return Number.MAX_SAFE_INTEGER;
  return issue.line ?? Number.MAX_SAFE_INTEGER - 1;
}

function isIndexable(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
