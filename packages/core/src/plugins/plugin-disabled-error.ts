import { FerryError } from '../errors/ferry-error.js';
import { type PluginRecord, pluginLabel } from './plugin-record.js';

/** The plugin exists, but `[plugins] enabled` does not list its package. */
export class PluginDisabledError extends FerryError {
  readonly code = 'FERRY_PLUGIN_DISABLED';

  constructor(readonly record: PluginRecord) {
    super(
      `${pluginLabel(record)} comes from ${record.packageName} (${record.packageDir}), ` +
        `which [plugins] enabled does not list; add "${record.packageName}" to it`,
    );
  }
}
