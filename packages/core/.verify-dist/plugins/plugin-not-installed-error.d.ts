import { FerryError } from '../errors/ferry-error.js';
/** `ferry plugins remove` named a package that `ferry plugins add` did not install. */
export declare class PluginNotInstalledError extends FerryError {
    readonly packageName: string;
    readonly pluginsDir: string;
    readonly installed: readonly string[];
    readonly code = "FERRY_PLUGIN_NOT_INSTALLED";
    constructor(packageName: string, pluginsDir: string, installed: readonly string[]);
}
