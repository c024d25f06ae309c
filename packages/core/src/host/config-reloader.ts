import type { ConfigChangeVerdict } from '../api/lifecycle.js';
import type { Transport } from '../api/transport.js';
import { ConfigInvalidError } from '../config/config-invalid-error.js';
import type { ConfigService } from '../config/config-service.js';
import { loadConfigText, readConfigText, validateSection } from '../config/load-config.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { Logger } from '../logging/logger.js';
import { configKeyPath } from '../plugins/plugin-loader.js';
import type { PluginRegistry } from '../plugins/plugin-registry.js';
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
  /** Hands a changed `[triggers]` section to the TriggerManager (crons re-arm, routes apply per request). */
  readonly applyTriggers?: (next: LoadedConfig['config']['triggers']) => Promise<void>;
}

/**
 * A config edit, applied (DESIGN §1.3): an invalid file changes nothing and is reported with
 * file, line and key; hot keys apply at once without touching running runs; keys that need a
 * restart cause a coordinated one, or a notice, per `[restart] on_config_change`.
 */
export class ConfigReloader {
  #lastError: Error | undefined;
  /** The text of the last rejected file: the same broken save twice is reported to chats once. */
  #lastRejected: string | undefined;

  constructor(private readonly d: ReloaderDeps) {}

  /** The last rejected edit, until a good one is applied (for `ferry status` and `ferry doctor`). */
  get lastError(): Error | undefined {
    return this.#lastError;
  }

  async reload(): Promise<ReloadOutcome> {
    const { log, config } = this.d;
    let next: LoadedConfig;
    // read once: what is judged is what the dedupe remembers, even if the file changes meanwhile
    let text: string | undefined;
    try {
      text = readConfigText(config.path);
      next = loadConfigText(config.path, text, this.d.env);
      await this.#validatePlugins(next);
    } catch (err) {
      const error = err as Error;
      this.#lastError = error;
      log.error(
        { err: error, config: config.path },
        `config edit rejected, keeping the last good config: ${error.message}`,
      );
      const seen = text ?? error.message;
      if (seen !== this.#lastRejected) {
        this.#lastRejected = seen;
        await this.#tellAdmins(
          `⚠️ ferry.toml edit rejected — still running on the last good config:\n${error.message}`,
        );
      }
      return { kind: 'invalid', error };
    }
    this.#lastError = undefined;
    this.#lastRejected = undefined;
    const previous = config.loaded;
    const keys = config.replace(next);
    if (keys.length === 0) return { kind: 'unchanged' };

    const hot: string[] = [];
    const restart: string[] = [];
    for (const key of keys) {
      let verdict: ConfigChangeVerdict;
      try {
        verdict = await this.#verdict(key, previous, next);
      } catch (err) {
        // never a half-applied config: what could not apply live goes the restart way
        log.warn({ err, key }, 'a hot change failed to apply; it needs a restart');
        verdict = 'restart';
      }
      if (verdict === 'restart') restart.push(key);
      else if (verdict === 'hot') hot.push(key);
    }
    if (hot.includes('log_level')) log.level = next.config.log_level;
    if (hot.some((k) => /^triggers\b/.test(k))) {
      // a trigger problem (a port in use) is reported by the manager and never undoes the reload
      await this.d
        .applyTriggers?.(next.config.triggers)
        .catch((err: unknown) => log.error({ err }, 'triggers could not apply the edit'));
    }
    log.info({ hot, restart }, 'config reloaded');
    if (restart.length === 0) {
      if (hot.length > 0)
        await this.#tellAdmins(`⚙️ Config reloaded: changed ${hot.join(', ')} (no restart needed).`);
    } else if (next.config.restart.on_config_change === 'restart') {
      await this.#tellAdmins(
        `🔄 restarting to apply ${restart.join(', ')}${hot.length ? ` (applied live: ${hot.join(', ')})` : ''}.`,
      );
      this.d.requestRestart(`config change: ${restart.join(', ')}`);
    } else {
      await this.#tellAdmins(
        `⚙️ ferry.toml changed ${restart.join(', ')}: restart needed for that (send /restart when convenient)${hot.length ? `; applied live: ${hot.join(', ')}` : ''}.`,
      );
    }
    return { kind: 'applied', hot, restart };
  }

  /**
   * What startup would refuse, a reload refuses too: every loaded plugin's own schema must
   * accept its section, and the default engine must exist — or nothing changes.
   */
  async #validatePlugins(next: LoadedConfig): Promise<void> {
    const engine = next.config.default_engine;
    const record = this.d.registry.find('engine', engine);
    if (!record || record.status === 'failed' || record.status === 'disabled') {
      const known = this.d.registry
        .list('engine')
        .filter((r) => r.status === 'available' || r.status === 'loaded');
      throw new ConfigInvalidError({
        ...next.origin(['default_engine']),
        key: 'default_engine',
        problem: `no usable engine plugin "${engine}" (available: ${known.map((r) => r.id).join(', ') || 'none'})`,
      });
    }
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
    if (owner.kind === 'transport' && transport && owner.inside)
      return this.#askTransport(transport, key, previous, next);
    return 'restart';
  }

  async #askTransport(
    t: Transport,
    key: string,
    previous: LoadedConfig,
    next: LoadedConfig,
  ): Promise<ConfigChangeVerdict> {
    const section = (c: LoadedConfig) => (c.raw.transports as Record<string, unknown> | undefined)?.[t.id];
    const verdict =
      t.onConfigChange?.({ keys: [key], previous: section(previous), next: section(next) }) ?? 'restart';
    if (verdict === 'hot') {
      const plugin = (await this.d.registry.loaded()).find(
        (p) => p.record.kind === 'transport' && p.record.id === t.id,
      );
      const schema = plugin?.definition.configSchema;
      await t.applyConfig?.(schema ? validateSection(next, ['transports', t.id], schema) : section(next));
    }
    return verdict;
  }

  async #tellAdmins(text: string): Promise<void> {
    // a transport may be gone (a restart is under way): telling nobody is fine, failing is not
    for (const t of this.d.hub.list()) {
      for (const chat of t.adminChats?.() ?? []) await this.d.hub.trySend(chat, { text });
    }
  }
}
