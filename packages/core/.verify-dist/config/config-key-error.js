import { FerryError } from '../errors/ferry-error.js';
/**
 * A key given to `ferry config get|set` cannot be used as asked: it is not a key path, it
 * names a whole table, or it sits inside an inline value. `set` leaves the file untouched.
 */
export class ConfigKeyError extends FerryError {
    key;
    problem;
    code = 'FERRY_CONFIG_KEY';
    constructor(key, problem, options) {
        super(`${key}: ${problem}`, options);
        this.key = key;
        this.problem = problem;
    }
}
//# sourceMappingURL=config-key-error.js.map