import { FerryError } from '../errors/ferry-error.js';
/** An entry of `[plugins] paths` is not a directory that can be searched. */
export class PluginPathError extends FerryError {
    path;
    code = 'FERRY_PLUGIN_PATH';
    constructor(path, problem, options) {
        super(`[plugins] paths: ${path}: ${problem}`, options);
        this.path = path;
    }
}
//# sourceMappingURL=plugin-path-error.js.map