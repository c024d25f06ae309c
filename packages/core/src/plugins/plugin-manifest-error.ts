import { FerryError } from '../errors/ferry-error.js';

/** A package.json that discovery or the installer could not use: unreadable, not JSON, or a bad `ferry` field. */
export class PluginManifestError extends FerryError {
  readonly code = 'FERRY_PLUGIN_MANIFEST';

  constructor(
    readonly file: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`${file}: ${problem}`, options);
  }
}
