import { FerryError } from '../errors/ferry-error.js';
/** No file at the config path (`~/.ferry/ferry.toml` or `FERRY_CONFIG_PATH`). */
export class ConfigNotFoundError extends FerryError {
    path;
    code = 'FERRY_CONFIG_NOT_FOUND';
    constructor(path, options) {
        super(`no config file at ${path}: run \`ferry init\` to create one, or point FERRY_CONFIG_PATH at an existing ferry.toml`, options);
        this.path = path;
    }
}
//# sourceMappingURL=config-not-found-error.js.map