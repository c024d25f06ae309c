import type { PluginKind } from '../api/plugin.js';
import type { Clock } from '../clock/clock.js';
import { PluginDisabledError } from './plugin-disabled-error.js';
import type { DiscoveryProblem, DiscoveryResult } from './plugin-discovery.js';
import { PluginLoadError } from './plugin-load-error.js';
import { type LoadedPlugin, loadPluginEntry, type PluginLoadOptions } from './plugin-loader.js';
import { PluginNotFoundError } from './plugin-not-found-error.js';
import type { PluginRecord } from './plugin-record.js';

/**
 * The discovered plugins and their load state. A plain class the host constructs from a
 * discovery result and registers as PLUGIN_REGISTRY (useValue): it has no injectable
 * dependencies besides the clock, and a fresh one per host generation keeps reloads clean.
 *
 * Loading is memoized per kind and id: concurrent callers share one promise, and a failure is
 * remembered rather than retried, so one broken plugin costs one import and one log line.
 * Nothing here decides what is fatal; the host does (DESIGN §3).
 */
export class PluginRegistry {
  readonly #records: PluginRecord[];
  readonly #problems: readonly DiscoveryProblem[];
  readonly #searched: readonly string[];
  readonly #loads = new Map<string, Promise<LoadedPlugin>>();

  constructor(
    discovery: DiscoveryResult,
    private readonly clock: Clock,
  ) {
    this.#records = [...discovery.records];
    this.#problems = discovery.problems;
    this.#searched = discovery.searched;
  }

  /** Every directory discovery searched, in order (for "not found" messages). */
  searched(): readonly string[] {
    return this.#searched;
  }

  /** Every declared plugin with its current status, for `ferry plugins list` and `ferry doctor`. */
  list(kind?: PluginKind): readonly PluginRecord[] {
    return this.#records.filter((r) => kind === undefined || r.kind === kind);
  }

  /** Problems with packages or search paths that belong to no single plugin. */
  problems(): readonly DiscoveryProblem[] {
    return this.#problems;
  }

  find(kind: PluginKind, id: string): PluginRecord | undefined {
    return this.#records.find((r) => r.kind === kind && r.id === id);
  }

  /**
   * Imports and registers the plugin on first use. Rejects with PluginNotFoundError,
   * PluginDisabledError or PluginLoadError (the record then shows `failed` and why).
   */
  load(kind: PluginKind, id: string, options: PluginLoadOptions): Promise<LoadedPlugin> {
    const key = `${kind}:${id}`;
    let loading = this.#loads.get(key);
    if (!loading) {
      loading = this.#load(kind, id, options);
      this.#loads.set(key, loading);
    }
    return loading;
  }

  /** The plugins loaded so far (their definitions carry the config schemas a reload re-checks). */
  async loaded(): Promise<LoadedPlugin[]> {
    const settled = await Promise.allSettled(this.#loads.values());
    return settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  }

  /**
   * Forgets a loaded plugin so the next `load` registers it afresh (with the config as it is
   * then): how a changed `[engines.<id>]` reaches the next run while running ones keep theirs.
   * The module itself stays imported; only its container and config are new.
   */
  unload(kind: PluginKind, id: string): void {
    const key = `${kind}:${id}`;
    if (!this.#loads.delete(key)) return;
    const record = this.find(kind, id);
    if (record?.status === 'loaded') this.#replace(record, { ...record, status: 'available' });
  }

  /** For optional plugins: undefined instead of an error; the failure stays visible in `list()`. */
  async tryLoad(kind: PluginKind, id: string, options: PluginLoadOptions): Promise<LoadedPlugin | undefined> {
    try {
      return await this.load(kind, id, options);
    } catch {
      return undefined;
    }
  }

  /**
   * For what the host cannot run without (the default engine, a configured transport): the
   * rejection is one FerryError whose single-line message names the plugin, its package and
   * the cause, ready to print as `error: …`.
   */
  requireLoaded(kind: PluginKind, id: string, options: PluginLoadOptions): Promise<LoadedPlugin> {
    return this.load(kind, id, options);
  }

  async #load(kind: PluginKind, id: string, options: PluginLoadOptions): Promise<LoadedPlugin> {
    const record = this.find(kind, id);
    if (!record) {
      const known = this.list(kind).map((r) => r.id);
      throw new PluginNotFoundError(kind, id, this.#searched, [...new Set(known)]);
    }
    if (record.status === 'disabled') throw new PluginDisabledError(record);
    if (record.status === 'failed') throw new PluginLoadError(record, record.problem);
    try {
      const loaded = await loadPluginEntry(record, options, this.clock);
      this.#replace(record, loaded.record);
      return loaded;
    } catch (err) {
      const error = new PluginLoadError(record, err);
      this.#replace(record, {
        ...record,
        status: 'failed',
        problem: { code: error.reason, message: error.message },
      });
      throw error;
    }
  }

  #replace(previous: PluginRecord, next: PluginRecord): void {
    const index = this.#records.indexOf(previous);
    if (index >= 0) this.#records[index] = next;
  }
}
