import { FerryError } from '../errors/ferry-error.js';
/**
 * A key given to `ferry config get|set` cannot be used as asked: it is not a key path, it
 * names a whole table, or it sits inside an inline value. `set` leaves the file untouched.
 */
export declare class ConfigKeyError extends FerryError {
    readonly key: string;
    readonly problem: string;
    readonly code = "FERRY_CONFIG_KEY";
    constructor(key: string, problem: string, options?: ErrorOptions);
}
