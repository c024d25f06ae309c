import { FerryError } from '../errors/ferry-error.js';
import { type PluginRecord, pluginLabel } from './plugin-record.js';

/** The entry module loaded, but its default export is not the `definePlugin({...})` its manifest promised. */
export class PluginInvalidError extends FerryError {
  readonly code = 'FERRY_PLUGIN_INVALID';

  constructor(
    readonly record: PluginRecord,
    problem: string,
  ) {
    super(`${record.entry} (${record.packageName}, declared as ${pluginLabel(record)}): ${problem}`);
  }
}
