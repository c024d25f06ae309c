import { PluginDisabledError } from './plugin-disabled-error.js';
import { PluginLoadError } from './plugin-load-error.js';
import { loadPluginEntry } from './plugin-loader.js';
import { PluginNotFoundError } from './plugin-not-found-error.js';
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
    clock;
    #records;
    #problems;
    #searched;
    #loads = new Map();
    constructor(discovery, clock) {
        this.clock = clock;
        this.#records = [...discovery.records];
        this.#problems = discovery.problems;
        this.#searched = discovery.searched;
    }
    /** Every directory discovery searched, in order (for "not found" messages). */
    searched() {
        return this.#searched;
    }
    /** Every declared plugin with its current status, for `ferry plugins list` and `ferry doctor`. */
    list(kind) {
        return this.#records.filter((r) => kind === undefined || r.kind === kind);
    }
    /** Problems with packages or search paths that belong to no single plugin. */
    problems() {
        return this.#problems;
    }
    find(kind, id) {
        return this.#records.find((r) => r.kind === kind && r.id === id);
    }
    /**
     * Imports and registers the plugin on first use. Rejects with PluginNotFoundError,
     * PluginDisabledError or PluginLoadError (the record then shows `failed` and why).
     */
    load(kind, id, options) {
        const key = `${kind}:${id}`;
        let loading = this.#loads.get(key);
        if (!loading) {
            loading = this.#load(kind, id, options);
            this.#loads.set(key, loading);
        }
        return loading;
    }
    /** For optional plugins: undefined instead of an error; the failure stays visible in `list()`. */
    async tryLoad(kind, id, options) {
        try {
            return await this.load(kind, id, options);
        }
        catch {
            return undefined;
        }
    }
    /**
     * For what the host cannot run without (the default engine, a configured transport): the
     * rejection is one FerryError whose single-line message names the plugin, its package and
     * the cause, ready to print as `error: …`.
     */
    requireLoaded(kind, id, options) {
        return this.load(kind, id, options);
    }
    async #load(kind, id, options) {
        const record = this.find(kind, id);
        if (!record) {
            const known = this.list(kind).map((r) => r.id);
            throw new PluginNotFoundError(kind, id, this.#searched, [...new Set(known)]);
        }
        if (record.status === 'disabled')
            throw new PluginDisabledError(record);
        if (record.status === 'failed')
            throw new PluginLoadError(record, record.problem);
        try {
            const loaded = await loadPluginEntry(record, options, this.clock);
            this.#replace(record, loaded.record);
            return loaded;
        }
        catch (err) {
            const error = new PluginLoadError(record, err);
            this.#replace(record, {
                ...record,
                status: 'failed',
                problem: { code: error.reason, message: error.message },
            });
            throw error;
        }
    }
    #replace(previous, next) {
        const index = this.#records.indexOf(previous);
        if (index >= 0)
            this.#records[index] = next;
    }
}
//# sourceMappingURL=plugin-registry.js.map