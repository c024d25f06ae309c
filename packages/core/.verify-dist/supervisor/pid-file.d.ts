/** `<stateDir>/ferry.pid`: who holds the instance lock, for messages and `ferry status`. */
export declare function pidFilePath(stateDir: string): string;
/**
 * Replaces the pid file atomically (temp file, fsync, rename, fsync of the directory), so a
 * reader sees the old pid or the new one, never an empty or half-written file. Call it only
 * while holding the instance lock: the lock, not this file, decides who runs.
 */
export declare function writePidFile(stateDir: string, pid?: number): void;
/** The recorded pid, or undefined when the file is missing or does not hold a pid. */
export declare function readPidFile(stateDir: string): number | undefined;
/** Removes the pid file if it still names `pid`, so a process never deletes a successor's file. */
export declare function removePidFile(stateDir: string, pid?: number): void;
