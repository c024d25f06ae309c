import { FerryError } from '../errors/ferry-error.js';

/** npm could not be started or did not succeed; its own output (streamed) says why. */
export class PluginInstallError extends FerryError {
  readonly code = 'FERRY_PLUGIN_INSTALL';

  constructor(
    readonly command: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`\`${command}\` ${problem}`, options);
  }
}
