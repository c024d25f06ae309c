import type { PluginStore } from '../api/plugin-context.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from './state-store.js';
/** The `plugin_kv` table; created by the StateStore's own migration. */
export declare const PLUGIN_KV_SCHEMA = "\n  CREATE TABLE plugin_kv (\n    namespace  TEXT    NOT NULL,\n    key        TEXT    NOT NULL,\n    value_json TEXT    NOT NULL,\n    updated_at INTEGER NOT NULL,\n    PRIMARY KEY (namespace, key)\n  ) WITHOUT ROWID";
/**
 * One plugin's slice of `plugin_kv`. Every call is its own autocommit statement, so with
 * `synchronous=FULL` a `set` is on disk when it returns.
 */
export declare class PluginKvStore implements PluginStore {
    #private;
    private readonly store;
    private readonly clock;
    readonly namespace: string;
    constructor(store: StateStore, clock: Clock, namespace: string);
    get<T = unknown>(key: string): T | undefined;
    set(key: string, value: unknown): void;
    delete(key: string): void;
    keys(prefix?: string): string[];
}
