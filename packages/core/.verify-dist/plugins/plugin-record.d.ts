import type { PluginKind } from '../api/plugin.js';
/** Where discovery found the package, in the order sources are searched. */
export type PluginSource = 'host' | 'dependency' | 'state' | 'path';
/**
 * `available`: declared and passed the manifest checks, not imported yet.
 * `disabled`: its package is not in `[plugins] enabled`.
 * `failed`: refused at discovery or failed to load; `problem` says why.
 * `loaded`: imported and registered.
 */
export type PluginStatus = 'available' | 'disabled' | 'failed' | 'loaded';
/** A problem as shown by `ferry plugins list` and `ferry doctor`: the error's code and message. */
export interface PluginProblem {
    readonly code: string;
    readonly message: string;
}
/** One declared plugin (one entry of a package's `ferry.plugins`). Plain data: safe to print as JSON. */
export interface PluginRecord {
    readonly kind: PluginKind;
    readonly id: string;
    readonly packageName: string;
    readonly packageVersion: string;
    /** Real path (symlinks resolved) of the package directory. */
    readonly packageDir: string;
    /** Absolute path of the entry module. */
    readonly entry: string;
    readonly source: PluginSource;
    readonly apiVersion: string;
    readonly status: PluginStatus;
    readonly problem?: PluginProblem;
    /** How long import, config validation and `register` took, once loaded. */
    readonly loadMs?: number;
}
export declare function pluginLabel(record: Pick<PluginRecord, 'kind' | 'id'>): string;
