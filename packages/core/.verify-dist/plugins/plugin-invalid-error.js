import { FerryError } from '../errors/ferry-error.js';
import { pluginLabel } from './plugin-record.js';
/** The entry module loaded, but its default export is not the `definePlugin({...})` its manifest promised. */
export class PluginInvalidError extends FerryError {
    record;
    code = 'FERRY_PLUGIN_INVALID';
    constructor(record, problem) {
        super(`${record.entry} (${record.packageName}, declared as ${pluginLabel(record)}): ${problem}`);
        this.record = record;
    }
}
//# sourceMappingURL=plugin-invalid-error.js.map