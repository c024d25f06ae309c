import 'reflect-metadata';
import { container as rootContainer } from 'tsyringe';
import { SystemClock } from '../clock/system-clock.js';
import { pluginLoadOptions } from '../host/plugin-wiring.js';
import { createLogger } from '../logging/logger.js';
import { discoverPlugins } from '../plugins/plugin-discovery.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { MemoryPluginStore } from '../host/memory-plugin-store.js';
import { hostPackageDir } from './host-package-dir.js';
/**
 * Discovers plugins for a config and, with `load`, imports every one so its config is
 * validated and its load time measured — what `ferry plugins list` and `ferry doctor` show.
 * Plugins get a throwaway store: inspecting never writes into a daemon's database.
 */
export async function inventoryPlugins(loaded, load) {
    const cfg = loaded.config;
    const clock = new SystemClock();
    const registry = new PluginRegistry(discoverPlugins({ hostPackageDir: hostPackageDir(), stateDir: loaded.stateDir, paths: cfg.plugins.paths, enabled: cfg.plugins.enabled }), clock);
    const used = [
        { kind: 'engine', id: cfg.default_engine },
        ...Object.keys(cfg.engines).filter((id) => id !== cfg.default_engine).map((id) => ({ kind: 'engine', id })),
        ...Object.keys(cfg.transports).map((id) => ({ kind: 'transport', id })),
    ];
    if (load) {
        const options = pluginLoadOptions({
            container: rootContainer.createChildContainer(),
            config: () => loaded,
            logger: createLogger({ level: 'silent' }),
            storeFor: () => new MemoryPluginStore(),
            env: process.env,
            requestShutdown: () => undefined,
        });
        // inspection loads every plugin, used or not, so a broken one shows up before it is needed
        for (const r of registry.list())
            if (r.status === 'available')
                await registry.tryLoad(r.kind, r.id, options);
    }
    return { registry, used };
}
export function describeRecord(r) {
    const state = r.status === 'failed' ? `FAILED: ${r.problem?.message ?? 'unknown'}` : r.status;
    return `${r.kind}:${r.id}  ${r.packageName}@${r.packageVersion}  (${r.source})  ${state}`;
}
//# sourceMappingURL=plugin-inventory.js.map