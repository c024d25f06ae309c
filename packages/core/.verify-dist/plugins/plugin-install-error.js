import { FerryError } from '../errors/ferry-error.js';
/** npm could not be started or did not succeed; its own output (streamed) says why. */
export class PluginInstallError extends FerryError {
    command;
    code = 'FERRY_PLUGIN_INSTALL';
    constructor(command, problem, options) {
        super(`\`${command}\` ${problem}`, options);
        this.command = command;
    }
}
//# sourceMappingURL=plugin-install-error.js.map