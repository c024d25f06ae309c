import type { DependencyContainer } from 'tsyringe';
import type { Runner } from '../api/engine.js';
import type { PluginStore } from '../api/plugin-context.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { Logger } from '../logging/logger.js';
import type { PluginLoadOptions } from '../plugins/plugin-loader.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { EngineSource } from '../runs/engine-source.js';
export interface WiringDeps {
    readonly container: DependencyContainer;
    readonly config: () => LoadedConfig;
    readonly logger: Logger;
    /** The plugin's durable namespace (the host's database), or a throwaway one for inspection. */
    readonly storeFor: (namespace: string) => PluginStore;
    readonly env: NodeJS.ProcessEnv;
    readonly requestShutdown: (reason: string) => void;
}
/** How the host loads plugins: its container as parent, a context per plugin, config validated in place. */
export declare function pluginLoadOptions(d: WiringDeps): PluginLoadOptions;
/** Engines come from the registry, imported on first use (DESIGN §3). */
export declare class RegistryEngineSource implements EngineSource {
    private readonly registry;
    private readonly options;
    private readonly config;
    constructor(registry: PluginRegistry, options: PluginLoadOptions, config: () => LoadedConfig);
    get defaultEngine(): string;
    ids(): string[];
    runner(id: string): Promise<Runner>;
}
