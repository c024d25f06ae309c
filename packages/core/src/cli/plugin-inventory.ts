import 'reflect-metadata';
import { container as rootContainer } from 'tsyringe';
import { SystemClock } from '../clock/system-clock.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import { MemoryPluginStore } from '../host/memory-plugin-store.js';
import { pluginLoadOptions } from '../host/plugin-wiring.js';
import { createLogger } from '../logging/logger.js';
import { discoverPlugins } from '../plugins/plugin-discovery.js';
import type { PluginRecord } from '../plugins/plugin-record.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { shareHostCore } from '../plugins/share-host-core.js';
import { CLOCK, LOGGER } from '../tokens.js';
import { hostPackageDir } from './host-package-dir.js';

export interface PluginInventory {
  readonly registry: PluginRegistry;
  /** Plugins the config uses: the default engine and every configured transport and engine. */
  readonly used: readonly { kind: 'engine' | 'transport'; id: string }[];
}

/**
 * Discovers plugins for a config and, with `load`, imports every one so its config is
 * validated and its load time measured — what `ferry plugins list` and `ferry doctor` show.
 * Plugins get a throwaway store: inspecting never writes into a daemon's database.
 */
export async function inventoryPlugins(loaded: LoadedConfig, load: boolean): Promise<PluginInventory> {
  const cfg = loaded.config;
  const clock = new SystemClock();
  shareHostCore();
  const registry = new PluginRegistry(
    discoverPlugins({
      hostPackageDir: hostPackageDir(),
      stateDir: loaded.stateDir,
      paths: cfg.plugins.paths,
      enabled: cfg.plugins.enabled,
    }),
    clock,
  );
  const used = [
    { kind: 'engine' as const, id: cfg.default_engine },
    ...Object.keys(cfg.engines)
      .filter((id) => id !== cfg.default_engine)
      .map((id) => ({ kind: 'engine' as const, id })),
    ...Object.keys(cfg.transports).map((id) => ({ kind: 'transport' as const, id })),
  ];
  if (load) {
    const logger = createLogger({ level: 'silent' });
    const container = rootContainer.createChildContainer();
    // what the host registers before plugins load: `ferry doctor` resolves runners and transports to check them
    container.register(CLOCK, { useValue: clock });
    container.register(LOGGER, { useValue: logger });
    const options = pluginLoadOptions({
      container,
      config: () => loaded,
      logger,
      storeFor: () => new MemoryPluginStore(),
      env: process.env,
      requestShutdown: () => undefined,
    });
    // inspection loads every plugin, used or not, so a broken one shows up before it is needed
    for (const r of registry.list())
      if (r.status === 'available') await registry.tryLoad(r.kind, r.id, options);
  }
  return { registry, used };
}

export function describeRecord(r: PluginRecord): string {
  const state = r.status === 'failed' ? `FAILED: ${r.problem?.message ?? 'unknown'}` : r.status;
  return `${r.kind}:${r.id}  ${r.packageName}@${r.packageVersion}  (${r.source})  ${state}`;
}
