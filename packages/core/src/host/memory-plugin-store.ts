import type { PluginStore } from '../api/plugin-context.js';

/**
 * A PluginStore that forgets on exit: for commands that load plugins only to inspect them
 * (`ferry doctor`, `ferry plugins list`) and must not write into a daemon's database.
 */
export class MemoryPluginStore implements PluginStore {
  readonly #values = new Map<string, string>();

  get<T = unknown>(key: string): T | undefined {
    const v = this.#values.get(key);
    return v === undefined ? undefined : (JSON.parse(v) as T);
  }

  set(key: string, value: unknown): void {
    this.#values.set(key, JSON.stringify(value));
  }

  delete(key: string): void {
    this.#values.delete(key);
  }

  keys(prefix = ''): string[] {
    return [...this.#values.keys()].filter((k) => k.startsWith(prefix)).sort();
  }
}
