import type { Command } from '../api/command.js';
import type { Lifecycle } from '../api/lifecycle.js';
import type { Transport } from '../api/transport.js';
import type { CommandRegistry } from '../commands/command-registry.js';
import type { FerryConfig } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import type { PluginLoadOptions } from '../plugins/plugin-loader.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { COMMAND, SERVICE, TRANSPORT } from '../tokens.js';

export interface ConfiguredPlugins {
  readonly transports: Transport[];
  readonly services: { owner: string; hooks: Lifecycle }[];
}

/**
 * Loads what a generation runs with. Fatal (DESIGN §3) only for what the config depends on —
 * the default engine and each configured transport: the rejection is one clear error line.
 * Command and service plugins are optional: a failure is logged and shown by
 * `ferry plugins list`, and the daemon starts without them.
 */
export async function loadConfiguredPlugins(
  registry: PluginRegistry,
  options: PluginLoadOptions,
  cfg: FerryConfig,
  commands: CommandRegistry,
  log: Logger,
): Promise<ConfiguredPlugins> {
  await registry.requireLoaded('engine', cfg.default_engine, options);
  const transports: Transport[] = [];
  for (const id of Object.keys(cfg.transports)) {
    const loaded = await registry.requireLoaded('transport', id, options);
    transports.push(loaded.resolve<Transport>(TRANSPORT));
  }
  for (const record of registry.list('command')) {
    const loaded = await registry.tryLoad('command', record.id, options);
    try {
      if (loaded) commands.add(loaded.resolve<Command>(COMMAND), record.packageName);
    } catch (err) {
      log.error(
        { err, plugin: `command:${record.id}`, package: record.packageName },
        'command plugin not added',
      );
    }
  }
  const services: { owner: string; hooks: Lifecycle }[] = [];
  for (const record of registry.list('service')) {
    const loaded = await registry.tryLoad('service', record.id, options);
    if (loaded) services.push({ owner: `service:${record.id}`, hooks: loaded.resolve<Lifecycle>(SERVICE) });
  }
  return { transports, services };
}
