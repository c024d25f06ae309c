import { FerryError } from '../errors/ferry-error.js';

/** An entry of `[plugins] paths` is not a directory that can be searched. */
export class PluginPathError extends FerryError {
  readonly code = 'FERRY_PLUGIN_PATH';

  constructor(
    readonly path: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`[plugins] paths: ${path}: ${problem}`, options);
  }
}
