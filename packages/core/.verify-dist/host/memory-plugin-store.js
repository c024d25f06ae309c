/**
 * A PluginStore that forgets on exit: for commands that load plugins only to inspect them
 * (`ferry doctor`, `ferry plugins list`) and must not write into a daemon's database.
 */
export class MemoryPluginStore {
    #values = new Map();
    get(key) {
        const v = this.#values.get(key);
        return v === undefined ? undefined : JSON.parse(v);
    }
    set(key, value) {
        this.#values.set(key, JSON.stringify(value));
    }
    delete(key) {
        this.#values.delete(key);
    }
    keys(prefix = '') {
        return [...this.#values.keys()].filter((k) => k.startsWith(prefix)).sort();
    }
}
//# sourceMappingURL=memory-plugin-store.js.map