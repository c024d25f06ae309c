import { FerryError } from '../errors/ferry-error.js';
export interface PluginProvider {
    readonly packageName: string;
    readonly packageDir: string;
}
/** Two or more packages declare the same kind and id; none of them is used, so the choice is never silent. */
export declare class DuplicatePluginError extends FerryError {
    readonly kind: string;
    readonly id: string;
    readonly providers: readonly PluginProvider[];
    readonly code = "FERRY_PLUGIN_DUPLICATE";
    constructor(kind: string, id: string, providers: readonly PluginProvider[]);
}
