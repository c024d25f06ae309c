import type { PluginProblem, PluginRecord } from './plugin-record.js';
export interface DiscoveryOptions {
    /** The host package (`@ferry/core`) directory; its own manifest declares the built-ins. */
    readonly hostPackageDir: string;
    /** The instance's state dir; `ferry plugins add` installs into `<stateDir>/plugins`. */
    readonly stateDir: string;
    /** `[plugins] paths`; relative entries are taken from the state dir (the config file's dir). */
    readonly paths?: readonly string[];
    /** `[plugins] enabled`: package names; empty means every package. */
    readonly enabled?: readonly string[];
    /** Defaults to PLUGIN_API_VERSION; tests pass others. */
    readonly hostApiVersion?: string;
}
/** A problem with a package or a search path rather than with one declared plugin. */
export interface DiscoveryProblem extends PluginProblem {
    readonly path: string;
}
export interface DiscoveryResult {
    readonly records: readonly PluginRecord[];
    readonly problems: readonly DiscoveryProblem[];
    /** Every directory searched, in search order; "not found" errors name them. */
    readonly searched: readonly string[];
}
/**
 * Finds declared plugins by reading package.json files only (DESIGN §3): nothing is imported,
 * so a broken or slow plugin costs nothing until it is used. Synchronous on purpose: it runs
 * once at startup and for `ferry plugins list`, and a fixed order keeps results reproducible.
 */
export declare function discoverPlugins(options: DiscoveryOptions): DiscoveryResult;
