import { PLUGIN_ID_PATTERN } from '../api/plugin.js';
import { FerryError } from '../errors/ferry-error.js';

/** A declared plugin id does not match PLUGIN_ID_PATTERN (it becomes a config key and a chat command). */
export class PluginIdInvalidError extends FerryError {
  readonly code = 'FERRY_PLUGIN_ID_INVALID';

  constructor(
    readonly packageName: string,
    readonly packageDir: string,
    readonly kind: string,
    readonly id: string,
  ) {
    super(
      `${packageName} (${packageDir}) declares ${kind} id ${JSON.stringify(id)}, ` +
        `which does not match ${PLUGIN_ID_PATTERN.source}`,
    );
  }
}
