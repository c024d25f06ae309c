import 'reflect-metadata';
import type { LoadedConfig } from '../config/loaded-config.js';
import type { PluginRecord } from '../plugins/plugin-record.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
export interface PluginInventory {
    readonly registry: PluginRegistry;
    /** Plugins the config uses: the default engine and every configured transport and engine. */
    readonly used: readonly {
        kind: 'engine' | 'transport';
        id: string;
    }[];
}
/**
 * Discovers plugins for a config and, with `load`, imports every one so its config is
 * validated and its load time measured — what `ferry plugins list` and `ferry doctor` show.
 * Plugins get a throwaway store: inspecting never writes into a daemon's database.
 */
export declare function inventoryPlugins(loaded: LoadedConfig, load: boolean): Promise<PluginInventory>;
export declare function describeRecord(r: PluginRecord): string;
