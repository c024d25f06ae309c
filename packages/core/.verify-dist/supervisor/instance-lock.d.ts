/** Held for the life of the daemon; `release()` on clean exit (it also runs on process 'exit'). */
export interface InstanceLock {
    readonly path: string;
    release(): void;
}
/** `<stateDir>/ferry.lock`: an empty SQLite database used only for its kernel lock. */
export declare function lockFilePath(stateDir: string): string;
/**
 * Takes the instance lock for the config whose directory is `stateDir`, then records our pid.
 * Throws InstanceLockedError at once (no waiting) when another process holds it.
 *
 * The lock is SQLite's exclusive lock, which on unix is an fcntl() lock held by the kernel for
 * this process: it vanishes when the process dies, however it dies, so there are no stale locks.
 * fcntl locks are not inherited by child processes, so engines we spawn never keep it alive.
 */
export declare function acquireInstanceLock(stateDir: string, configPath: string): InstanceLock;
