import { FerryError } from '../errors/ferry-error.js';
/** A package.json that discovery or the installer could not use: unreadable, not JSON, or a bad `ferry` field. */
export declare class PluginManifestError extends FerryError {
    readonly file: string;
    readonly code = "FERRY_PLUGIN_MANIFEST";
    constructor(file: string, problem: string, options?: ErrorOptions);
}
