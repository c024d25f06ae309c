import { FerryError } from '../errors/ferry-error.js';

/** A command plugin takes the name of a built-in command. */
export class PluginIdReservedError extends FerryError {
  readonly code = 'FERRY_PLUGIN_ID_RESERVED';

  constructor(
    readonly packageName: string,
    readonly packageDir: string,
    readonly id: string,
  ) {
    super(
      `${packageName} (${packageDir}) declares command "${id}", which is a built-in Ferry command; ` +
        'the plugin must use another id',
    );
  }
}
