import { FerryError } from '../errors/ferry-error.js';
/** Another Ferry holds the instance lock for this config; the CLI exits 1 with this message. */
export class InstanceLockedError extends FerryError {
    configPath;
    pid;
    code = 'FERRY_INSTANCE_LOCKED';
    constructor(configPath, 
    /** From the holder's pid file; undefined when it is missing or unreadable. */
    pid, options) {
        super(`another ferry is running for ${configPath} (pid ${pid ?? 'unknown'})`, options);
        this.configPath = configPath;
        this.pid = pid;
    }
}
/** The lock file could not be created or locked for a reason other than another holder. */
export class InstanceLockFailedError extends FerryError {
    code = 'FERRY_INSTANCE_LOCK_FAILED';
}
//# sourceMappingURL=instance-lock-errors.js.map