import { FerryError } from '../errors/ferry-error.js';
import { type PluginRecord } from './plugin-record.js';
/** The plugin exists, but `[plugins] enabled` does not list its package. */
export declare class PluginDisabledError extends FerryError {
    readonly record: PluginRecord;
    readonly code = "FERRY_PLUGIN_DISABLED";
    constructor(record: PluginRecord);
}
