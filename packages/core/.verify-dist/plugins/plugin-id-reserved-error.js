import { FerryError } from '../errors/ferry-error.js';
/** A command plugin takes the name of a built-in command. */
export class PluginIdReservedError extends FerryError {
    packageName;
    packageDir;
    id;
    code = 'FERRY_PLUGIN_ID_RESERVED';
    constructor(packageName, packageDir, id) {
        super(`${packageName} (${packageDir}) declares command "${id}", which is a built-in Ferry command; ` +
            'the plugin must use another id');
        this.packageName = packageName;
        this.packageDir = packageDir;
        this.id = id;
    }
}
//# sourceMappingURL=plugin-id-reserved-error.js.map