import { FerryError } from '../errors/ferry-error.js';
/** A package.json that discovery or the installer could not use: unreadable, not JSON, or a bad `ferry` field. */
export class PluginManifestError extends FerryError {
    file;
    code = 'FERRY_PLUGIN_MANIFEST';
    constructor(file, problem, options) {
        super(`${file}: ${problem}`, options);
        this.file = file;
    }
}
//# sourceMappingURL=plugin-manifest-error.js.map