import type { ConfigChangeVerdict } from '../api/lifecycle.js';
import type { Transport } from '../api/transport.js';
import type { ConfigService } from '../config/config-service.js';
import { loadConfig, validateSection } from '../config/load-config.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { Logger } from '../logging/logger.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
import { configKeyPath } from '../plugins/plugin-loader.js';
import type { TransportHub } from '../transports/transport-hub.js';
import { classifyConfigKey } from './classify-config-key.js';

export type ReloadOutcome =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'invalid'; readonly error: Error }
  | { readonly kind: 'applied'; readonly hot: readonly string[]; readonly restart: readonly string[] };

export interface ReloaderDeps {
  readonly config: ConfigService;
  readonly env: NodeJS.ProcessEnv;
  readonly log: Logger;
  readonly hub: TransportHub;
  readonly registry: PluginRegistry;
  /** Asked when a changed key cannot apply live and `[restart] on_config_change = "restart"`. */
  readonly requestRestart: (reason: string) => void;
}

/**
 * A config edit, applied (DESIGN §1.3): an invalid file changes nothing and is reported with
 * file, line and key; hot keys apply at once without touching running runs; keys that need a
 * restart cause a coordinated one, or a notice, per `[restart] on_config_change`.
 */
export class ConfigReloader {
  constructor(private readonly d: ReloaderDeps) {}

  async reload(): Promise<ReloadOutcome> {
    const { log, config } = this.d;
    let next: LoadedConfig;
    try {
      next = loadConfig(config.path, this.d.env);
      await this.#validatePlugins(next);
    } catch (err) {
      const error = err as Error;
      log.error({ err: error, config: config.path }, `config edit rejected, keeping the last good config: ${error.message}`);
      await this.#tellAdmins(`⚠️ ferry.toml edit rejected — still running on the last good config:\n${error.message}`);
      return { kind: 'invalid', error };
    }
    const previous = config.loaded;
    const keys = config.replace(next);
    if (keys.length === 0) return { kind: 'unchanged' };

    const hot: string[] = [];
    const restart: string[] = [];
    for (const key of keys) {
      const verdict = await this.#verdict(key, previous, next);
      if (verdict === 'restart') restart.push(key);
      else if (verdict === 'hot') hot.push(key);
    }
    if (hot.includes('log_level')) log.level = next.config.log_level;
    log.info({ hot, restart }, 'config reloaded');
    if (restart.length > 0) {
      if (next.config.restart.on_config_change === 'restart') {
        this.d.requestRestart(`config change: ${restart.join(', ')}`);
      } else {
        await this.#tellAdmins(`⚙️ ferry.toml changed ${restart.join(', ')}: that needs a restart to apply. Send /restart when convenient.`);
      }
    }
    return { kind: 'applied', hot, restart };
  }

  /** Every loaded plugin's own schema must accept its section of the new file, or nothing changes. */
  async #validatePlugins(next: LoadedConfig): Promise<void> {
    for (const plugin of await this.d.registry.loaded()) {
      const schema = plugin.definition.configSchema;
      if (schema) validateSection(next, [...configKeyPath(plugin.record.kind, plugin.record.id)], schema);
    }
  }

  async #verdict(key: string, previous: LoadedConfig, next: LoadedConfig): Promise<ConfigChangeVerdict> {
    const owner = classifyConfigKey(key);
    if (owner.kind === 'core') return owner.verdict;
    if (owner.kind === 'engine') {
      // the next run of this engine loads it afresh with the new section; running ones keep theirs
      this.d.registry.unload('engine', owner.id);
      return 'hot';
    }
    const transport = this.d.hub.has(owner.id) ? this.d.hub.get(owner.id) : undefined;
    if (owner.kind === 'transport' && transport && owner.inside) return this.#askTransport(transport, key, previous, next);
    return 'restart';
  }

  async #askTransport(t: Transport, key: string, previous: LoadedConfig, next: LoadedConfig): Promise<ConfigChangeVerdict> {
    const section = (c: LoadedConfig) => (c.raw.transports as Record<string, unknown> | undefined)?.[t.id];
    const verdict = t.onConfigChange?.({ keys: [key], previous: section(previous), next: section(next) }) ?? 'restart';
    if (verdict === 'hot') {
      const plugin = (await this.d.registry.loaded()).find((p) => p.record.kind === 'transport' && p.record.id === t.id);
      const schema = plugin?.definition.configSchema;
      await t.applyConfig?.(schema ? validateSection(next, ['transports', t.id], schema) : section(next));
    }
    return verdict;
  }

  async #tellAdmins(text: string): Promise<void> {
    for (const t of this.d.hub.list()) {
      for (const chat of t.adminChats?.() ?? []) await this.d.hub.trySend(chat, { text });
    }
  }
}
