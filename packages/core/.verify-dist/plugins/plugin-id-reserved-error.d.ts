import { FerryError } from '../errors/ferry-error.js';
/** A command plugin takes the name of a built-in command. */
export declare class PluginIdReservedError extends FerryError {
    readonly packageName: string;
    readonly packageDir: string;
    readonly id: string;
    readonly code = "FERRY_PLUGIN_ID_RESERVED";
    constructor(packageName: string, packageDir: string, id: string);
}
