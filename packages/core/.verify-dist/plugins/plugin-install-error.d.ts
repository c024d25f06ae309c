import { FerryError } from '../errors/ferry-error.js';
/** npm could not be started or did not succeed; its own output (streamed) says why. */
export declare class PluginInstallError extends FerryError {
    readonly command: string;
    readonly code = "FERRY_PLUGIN_INSTALL";
    constructor(command: string, problem: string, options?: ErrorOptions);
}
