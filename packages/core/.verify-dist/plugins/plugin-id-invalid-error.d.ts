import { FerryError } from '../errors/ferry-error.js';
/** A declared plugin id does not match PLUGIN_ID_PATTERN (it becomes a config key and a chat command). */
export declare class PluginIdInvalidError extends FerryError {
    readonly packageName: string;
    readonly packageDir: string;
    readonly kind: string;
    readonly id: string;
    readonly code = "FERRY_PLUGIN_ID_INVALID";
    constructor(packageName: string, packageDir: string, kind: string, id: string);
}
