import type { DependencyContainer } from 'tsyringe';
import type { ZodType } from 'zod';
import { parseChatAddress } from '../api/chat-address.js';
import type { Runner } from '../api/engine.js';
import type { PluginContext, PluginStore } from '../api/plugin-context.js';
import { validateSection } from '../config/load-config.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { Logger } from '../logging/logger.js';
import type { PluginLoadOptions } from '../plugins/plugin-loader.js';
import type { PluginRecord } from '../plugins/plugin-record.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import type { EngineSource } from '../runs/engine-source.js';
import { ENGINE_RUNNER } from '../tokens.js';
import { childEnv } from './child-env.js';
import { collectSecrets } from './collect-secrets.js';

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
export function pluginLoadOptions(d: WiringDeps): PluginLoadOptions {
  return {
    parent: d.container,
    validateConfig: (schema: ZodType, keyPath) => validateSection(d.config(), [...keyPath], schema),
    contextFor: (record: PluginRecord): PluginContext => {
      const secrets = collectSecrets(d.config().raw);
      return {
        id: record.id,
        kind: record.kind,
        packageName: record.packageName,
        packageDir: record.packageDir,
        stateDir: d.config().stateDir,
        logger: d.logger.child({ plugin: `${record.kind}:${record.id}` }),
        store: d.storeFor(`${record.kind}:${record.id}`),
        childEnv: (extra) => childEnv(d.env, secrets, extra),
        requestShutdown: d.requestShutdown,
        projectChats: () =>
          Object.values(d.config().config.projects).flatMap((p) => p.chats.map((c) => parseChatAddress(c))),
      };
    },
  };
}

/** Engines come from the registry, imported on first use (DESIGN §3). */
export class RegistryEngineSource implements EngineSource {
  constructor(
    private readonly registry: PluginRegistry,
    private readonly options: PluginLoadOptions,
    private readonly config: () => LoadedConfig,
  ) {}

  get defaultEngine(): string {
    return this.config().config.default_engine;
  }

  ids(): string[] {
    return this.registry
      .list('engine')
      .filter((r) => r.status === 'available' || r.status === 'loaded')
      .map((r) => r.id);
  }

  async runner(id: string): Promise<Runner> {
    const loaded = await this.registry.load('engine', id, this.options);
    return loaded.resolve<Runner>(ENGINE_RUNNER);
  }
}
