import { pathToFileURL } from 'node:url';
import type { DependencyContainer } from 'tsyringe';
import type { ZodType } from 'zod';
import type { PluginDefinition, PluginKind } from '../api/plugin.js';
import type { PluginContext } from '../api/plugin-context.js';
import type { Clock } from '../clock/clock.js';
import {
  COMMAND,
  ENGINE_RUNNER,
  PLUGIN_CONFIG,
  PLUGIN_CONTEXT,
  SERVICE,
  type Token,
  TRANSPORT,
} from '../tokens.js';
import { PluginInvalidError } from './plugin-invalid-error.js';
import { type PluginRecord, pluginLabel } from './plugin-record.js';

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

const PROVIDED_TOKEN: Readonly<Record<PluginKind, symbol>> = {
  engine: ENGINE_RUNNER,
  transport: TRANSPORT,
  command: COMMAND,
  service: SERVICE,
};

export function configKeyPath(kind: PluginKind, id: string): ConfigKeyPath {
  if (kind === 'engine') return ['engines', id];
  if (kind === 'transport') return ['transports', id];
  return ['plugins', id];
}

/**
 * Imports the entry, checks its default export against the manifest, validates its config and
 * lets it register into a fresh child container. Throws the first failure as is; the registry
 * records and wraps it.
 */
export async function loadPluginEntry(
  record: PluginRecord,
  options: PluginLoadOptions,
  clock: Clock,
): Promise<LoadedPlugin> {
  const startedAt = clock.now();
  const module: unknown = await import(/* @vite-ignore */ pathToFileURL(record.entry).href);
  const definition = asDefinition((module as { default?: unknown }).default, record);
  const config = definition.configSchema
    ? await options.validateConfig(definition.configSchema, configKeyPath(record.kind, record.id))
    : {};

  const container = options.parent.createChildContainer();
  try {
    container.register(PLUGIN_CONTEXT, { useValue: options.contextFor(record) });
    container.register(PLUGIN_CONFIG, { useValue: config });
    await definition.register(container, config);
    const provided = PROVIDED_TOKEN[record.kind];
    if (!container.isRegistered(provided, false)) {
      throw new PluginInvalidError(
        record,
        `register() did not register ${provided.description} in its container`,
      );
    }
  } catch (err) {
    await Promise.resolve(container.dispose()).catch(() => undefined); // the original failure is the one to report
    throw err;
  }
  const loadMs = clock.now() - startedAt;
  return {
    record: { ...record, status: 'loaded', loadMs },
    definition,
    container,
    loadMs,
    resolve: <T>(token: Token<T>) => container.resolve<T>(token),
  };
}

function asDefinition(exported: unknown, record: PluginRecord): PluginDefinition {
  let candidate = exported;
  // A CommonJS entry compiled from `export default` reaches import() wrapped once more.
  if (isObject(candidate) && !('register' in candidate) && isObject(candidate.default)) {
    candidate = candidate.default;
  }
  if (!isObject(candidate)) {
    const got = candidate === undefined ? 'missing' : typeof candidate;
    throw new PluginInvalidError(
      record,
      `the default export is ${got}; expected definePlugin({ kind, id, register })`,
    );
  }
  if (typeof candidate.register !== 'function') {
    throw new PluginInvalidError(record, 'the default export has no register(container, config) function');
  }
  if (candidate.kind !== record.kind || candidate.id !== record.id) {
    throw new PluginInvalidError(
      record,
      `the default export says ${String(candidate.kind)}:${String(candidate.id)}, but package.json declares ${pluginLabel(record)}`,
    );
  }
  const schema = candidate.configSchema;
  // Duck-typed: a plugin may bundle its own copy of zod, so instanceof would refuse good schemas.
  if (schema !== undefined && !(isObject(schema) && typeof schema.safeParse === 'function')) {
    throw new PluginInvalidError(record, 'configSchema is not a zod schema');
  }
  return candidate as unknown as PluginDefinition;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
