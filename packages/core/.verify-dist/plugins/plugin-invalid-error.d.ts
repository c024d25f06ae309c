import { FerryError } from '../errors/ferry-error.js';
import { type PluginRecord } from './plugin-record.js';
/** The entry module loaded, but its default export is not the `definePlugin({...})` its manifest promised. */
export declare class PluginInvalidError extends FerryError {
    readonly record: PluginRecord;
    readonly code = "FERRY_PLUGIN_INVALID";
    constructor(record: PluginRecord, problem: string);
}
