import type { PluginKind } from '../api/plugin.js';
import type { Clock } from '../clock/clock.js';
import type { DiscoveryProblem, DiscoveryResult } from './plugin-discovery.js';
import { type LoadedPlugin, type PluginLoadOptions } from './plugin-loader.js';
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
export declare class PluginRegistry {
    #private;
    private readonly clock;
    constructor(discovery: DiscoveryResult, clock: Clock);
    /** Every directory discovery searched, in order (for "not found" messages). */
    searched(): readonly string[];
    /** Every declared plugin with its current status, for `ferry plugins list` and `ferry doctor`. */
    list(kind?: PluginKind): readonly PluginRecord[];
    /** Problems with packages or search paths that belong to no single plugin. */
    problems(): readonly DiscoveryProblem[];
    find(kind: PluginKind, id: string): PluginRecord | undefined;
    /**
     * Imports and registers the plugin on first use. Rejects with PluginNotFoundError,
     * PluginDisabledError or PluginLoadError (the record then shows `failed` and why).
     */
    load(kind: PluginKind, id: string, options: PluginLoadOptions): Promise<LoadedPlugin>;
    /** For optional plugins: undefined instead of an error; the failure stays visible in `list()`. */
    tryLoad(kind: PluginKind, id: string, options: PluginLoadOptions): Promise<LoadedPlugin | undefined>;
    /**
     * For what the host cannot run without (the default engine, a configured transport): the
     * rejection is one FerryError whose single-line message names the plugin, its package and
     * the cause, ready to print as `error: …`.
     */
    requireLoaded(kind: PluginKind, id: string, options: PluginLoadOptions): Promise<LoadedPlugin>;
}
