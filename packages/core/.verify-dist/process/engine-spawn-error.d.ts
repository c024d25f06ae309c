import { FerryError } from '../errors/ferry-error.js';
export interface EngineSpawnFailure {
    readonly command: string;
    /** Config key that holds the executable's path, e.g. `engines.claude.path`. */
    readonly pathKey?: string;
    /** Set when the run's working directory is missing: node reports that as ENOENT too. */
    readonly missingCwd?: string;
}
/**
 * An engine's executable could not be started. For "not found" the message names the config
 * key that points Ferry at the executable, because that is the one thing the user must change.
 */
export declare class EngineSpawnError extends FerryError {
    readonly code = "FERRY_ENGINE_SPAWN";
    readonly command: string;
    readonly pathKey: string | undefined;
    constructor(failure: EngineSpawnFailure, options: {
        cause: NodeJS.ErrnoException;
    });
}
