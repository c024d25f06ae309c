import { PLUGIN_ID_PATTERN } from '../api/plugin.js';
import { FerryError } from '../errors/ferry-error.js';
/** A declared plugin id does not match PLUGIN_ID_PATTERN (it becomes a config key and a chat command). */
export class PluginIdInvalidError extends FerryError {
    packageName;
    packageDir;
    kind;
    id;
    code = 'FERRY_PLUGIN_ID_INVALID';
    constructor(packageName, packageDir, kind, id) {
        super(`${packageName} (${packageDir}) declares ${kind} id ${JSON.stringify(id)}, ` +
            `which does not match ${PLUGIN_ID_PATTERN.source}`);
        this.packageName = packageName;
        this.packageDir = packageDir;
        this.kind = kind;
        this.id = id;
    }
}
//# sourceMappingURL=plugin-id-invalid-error.js.map