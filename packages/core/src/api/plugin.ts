import type { DependencyContainer } from 'tsyringe';
import type { ZodType } from 'zod';

export type PluginKind = 'engine' | 'transport' | 'command' | 'service';

/**
 * The plugin API version this host implements (DESIGN §3; history in
 * docs/plugin-api-changelog.md). A plugin's major must match and its minor be ≤ this one.
 */
export const PLUGIN_API_VERSION = '1.3';

export const PLUGIN_ID_PATTERN = /^[a-z0-9_]{1,32}$/;

/**
 * What a plugin's entry exports by default. `register` puts providers into the plugin's own
 * child container: an engine registers ENGINE_RUNNER, a transport TRANSPORT, a command
 * COMMAND, a service SERVICE. Host services (LOGGER, CLOCK, PLUGIN_CONTEXT, …) resolve
 * from the parent.
 */
export interface PluginDefinition<Config = unknown> {
  readonly kind: PluginKind;
  readonly id: string;
  /** Validates `[plugins.<id>]` (or `[engines.<id>]` / `[transports.<id>]`). */
  readonly configSchema?: ZodType<Config>;
  register(container: DependencyContainer, config: Config): void | Promise<void>;
}

/** Identity for plugin authors: keeps the config type flowing from the schema to `register`. */
export function definePlugin<Config>(definition: PluginDefinition<Config>): PluginDefinition<Config> {
  return definition;
}
