import { FerryError } from '../errors/ferry-error.js';
/** Another Ferry holds the instance lock for this config; the CLI exits 1 with this message. */
export declare class InstanceLockedError extends FerryError {
    readonly configPath: string;
    /** From the holder's pid file; undefined when it is missing or unreadable. */
    readonly pid: number | undefined;
    readonly code = "FERRY_INSTANCE_LOCKED";
    constructor(configPath: string, 
    /** From the holder's pid file; undefined when it is missing or unreadable. */
    pid: number | undefined, options?: ErrorOptions);
}
/** The lock file could not be created or locked for a reason other than another holder. */
export declare class InstanceLockFailedError extends FerryError {
    readonly code = "FERRY_INSTANCE_LOCK_FAILED";
}
