import { FerryError } from '../errors/ferry-error.js';
import { pluginLabel } from './plugin-record.js';
/** The plugin exists, but `[plugins] enabled` does not list its package. */
export class PluginDisabledError extends FerryError {
    record;
    code = 'FERRY_PLUGIN_DISABLED';
    constructor(record) {
        super(`${pluginLabel(record)} comes from ${record.packageName} (${record.packageDir}), ` +
            `which [plugins] enabled does not list; add "${record.packageName}" to it`);
        this.record = record;
    }
}
//# sourceMappingURL=plugin-disabled-error.js.map