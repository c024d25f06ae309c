import { FerryError } from '../errors/ferry-error.js';
import { type PluginRecord } from './plugin-record.js';
/**
 * A plugin could not be loaded: refused at discovery, import threw, bad export, invalid config,
 * or `register` threw. `reason` is the underlying code (FERRY_PLUGIN_LOAD when the cause has
 * none), so `ferry doctor` can tell an invalid config from a broken package.
 */
export declare class PluginLoadError extends FerryError {
    readonly record: PluginRecord;
    readonly code = "FERRY_PLUGIN_LOAD";
    readonly reason: string;
    constructor(record: PluginRecord, cause: unknown);
}
