import { FerryError } from '../errors/ferry-error.js';
/** No file at the config path (`~/.ferry/ferry.toml` or `FERRY_CONFIG_PATH`). */
export declare class ConfigNotFoundError extends FerryError {
    readonly path: string;
    readonly code = "FERRY_CONFIG_NOT_FOUND";
    constructor(path: string, options?: ErrorOptions);
}
