import { FerryError } from '../errors/ferry-error.js';

/** A package declares a plugin API this host cannot serve (major differs, or minor is newer). */
export class PluginApiVersionError extends FerryError {
  readonly code = 'FERRY_PLUGIN_API_VERSION';

  constructor(
    readonly packageName: string,
    readonly packageVersion: string,
    readonly packageDir: string,
    readonly apiVersion: string,
    readonly hostApiVersion: string,
  ) {
    super(
      `${packageName}@${packageVersion} (${packageDir}) is written for plugin API ${apiVersion}, ` +
        `but this Ferry implements plugin API ${hostApiVersion} (the major must match and the minor ` +
        `must not be newer): install a version of ${packageName} made for API ${hostApiVersion}, or upgrade Ferry`,
    );
  }
}
