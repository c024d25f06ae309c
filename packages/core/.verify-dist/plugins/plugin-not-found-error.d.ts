import { FerryError } from '../errors/ferry-error.js';
/** No discovered package declares the plugin asked for. */
export declare class PluginNotFoundError extends FerryError {
    readonly kind: string;
    readonly id: string;
    readonly searched: readonly string[];
    readonly available: readonly string[];
    readonly code = "FERRY_PLUGIN_NOT_FOUND";
    constructor(kind: string, id: string, searched: readonly string[], available: readonly string[]);
}
