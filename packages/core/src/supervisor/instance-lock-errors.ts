import { FerryError } from '../errors/ferry-error.js';

/** Another Ferry holds the instance lock for this config; the CLI exits 1 with this message. */
export class InstanceLockedError extends FerryError {
  readonly code = 'FERRY_INSTANCE_LOCKED';

  constructor(
    readonly configPath: string,
    /** From the holder's pid file; undefined when it is missing or unreadable. */
    readonly pid: number | undefined,
    options?: ErrorOptions,
  ) {
    super(`another ferry is running for ${configPath} (pid ${pid ?? 'unknown'})`, options);
  }
}

/** The lock file could not be created or locked for a reason other than another holder. */
export class InstanceLockFailedError extends FerryError {
  readonly code = 'FERRY_INSTANCE_LOCK_FAILED';
}
