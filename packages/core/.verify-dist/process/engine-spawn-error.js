import { FerryError } from '../errors/ferry-error.js';
/**
 * An engine's executable could not be started. For "not found" the message names the config
 * key that points Ferry at the executable, because that is the one thing the user must change.
 */
export class EngineSpawnError extends FerryError {
    code = 'FERRY_ENGINE_SPAWN';
    command;
    pathKey;
    constructor(failure, options) {
        super(describe(failure, options.cause), options);
        this.command = failure.command;
        this.pathKey = failure.pathKey;
    }
}
function describe(f, cause) {
    if (f.missingCwd !== undefined) {
        return `engine command "${f.command}" could not start: working directory ${f.missingCwd} does not exist`;
    }
    const fix = f.pathKey === undefined ? '' : `; set ${f.pathKey} to the full path of the executable`;
    if (cause.code === 'ENOENT')
        return `engine command "${f.command}" not found on PATH${fix}`;
    if (cause.code === 'EACCES')
        return `engine command "${f.command}" is not executable${fix}`;
    return `engine command "${f.command}" could not be started: ${cause.message}${fix}`;
}
//# sourceMappingURL=engine-spawn-error.js.map