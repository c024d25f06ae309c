import { StateValueError } from './state-errors.js';
/** The `plugin_kv` table; created by the StateStore's own migration. */
export const PLUGIN_KV_SCHEMA = `
  CREATE TABLE plugin_kv (
    namespace  TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    value_json TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (namespace, key)
  ) WITHOUT ROWID`;
/**
 * One plugin's slice of `plugin_kv`. Every call is its own autocommit statement, so with
 * `synchronous=FULL` a `set` is on disk when it returns.
 */
export class PluginKvStore {
    store;
    clock;
    namespace;
    constructor(store, clock, namespace) {
        this.store = store;
        this.clock = clock;
        this.namespace = namespace;
    }
    get(key) {
        const row = this.store
            .statement('SELECT value_json FROM plugin_kv WHERE namespace = ? AND key = ?')
            .get(this.namespace, key);
        return row === undefined ? undefined : JSON.parse(row.value_json);
    }
    set(key, value) {
        // Storing `undefined` reads back as "absent", so make it absent rather than invent a null.
        if (value === undefined) {
            this.delete(key);
            return;
        }
        this.store
            .statement(`INSERT INTO plugin_kv (namespace, key, value_json, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (namespace, key) DO UPDATE SET value_json = excluded.value_json,
                                                    updated_at = excluded.updated_at`)
            .run(this.namespace, key, this.#serialise(key, value), this.clock.now());
    }
    delete(key) {
        this.store.statement('DELETE FROM plugin_kv WHERE namespace = ? AND key = ?').run(this.namespace, key);
    }
    keys(prefix = '') {
        // `key >= prefix` lets the primary key narrow the scan; instr() makes the match exact
        // (LIKE would treat % and _ as wildcards and ignore ASCII case).
        const rows = this.store
            .statement('SELECT key FROM plugin_kv WHERE namespace = ? AND key >= ? AND instr(key, ?) = 1 ORDER BY key')
            .all(this.namespace, prefix, prefix);
        return rows.map((r) => r.key);
    }
    #serialise(key, value) {
        let json;
        try {
            json = JSON.stringify(value);
        }
        catch (err) {
            throw this.#notJson(key, err);
        }
        if (json === undefined)
            throw this.#notJson(key);
        return json;
    }
    #notJson(key, cause) {
        return new StateValueError(`plugin store "${this.namespace}": the value for "${key}" cannot be stored as JSON; ` +
            'store plain data (objects, arrays, strings, finite numbers, booleans, null)', { cause });
    }
}
//# sourceMappingURL=plugin-kv-store.js.map