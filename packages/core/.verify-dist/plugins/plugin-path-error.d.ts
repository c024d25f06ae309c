import { FerryError } from '../errors/ferry-error.js';
/** An entry of `[plugins] paths` is not a directory that can be searched. */
export declare class PluginPathError extends FerryError {
    readonly path: string;
    readonly code = "FERRY_PLUGIN_PATH";
    constructor(path: string, problem: string, options?: ErrorOptions);
}
