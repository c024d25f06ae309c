import type { PluginStore } from '../api/plugin-context.js';
/**
 * A PluginStore that forgets on exit: for commands that load plugins only to inspect them
 * (`ferry doctor`, `ferry plugins list`) and must not write into a daemon's database.
 */
export declare class MemoryPluginStore implements PluginStore {
    #private;
    get<T = unknown>(key: string): T | undefined;
    set(key: string, value: unknown): void;
    delete(key: string): void;
    keys(prefix?: string): string[];
}
