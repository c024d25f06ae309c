import { FerryError } from '../errors/ferry-error.js';
/** A package declares a plugin API this host cannot serve (major differs, or minor is newer). */
export declare class PluginApiVersionError extends FerryError {
    readonly packageName: string;
    readonly packageVersion: string;
    readonly packageDir: string;
    readonly apiVersion: string;
    readonly hostApiVersion: string;
    readonly code = "FERRY_PLUGIN_API_VERSION";
    constructor(packageName: string, packageVersion: string, packageDir: string, apiVersion: string, hostApiVersion: string);
}
