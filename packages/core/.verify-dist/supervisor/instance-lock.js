import { mkdirSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile } from '../state/create-private-file.js';
import { InstanceLockedError, InstanceLockFailedError } from './instance-lock-errors.js';
import { readPidFile, removePidFile, writePidFile } from './pid-file.js';
/** `<stateDir>/ferry.lock`: an empty SQLite database used only for its kernel lock. */
export function lockFilePath(stateDir) {
    return join(stateDir, 'ferry.lock');
}
/**
 * Takes the instance lock for the config whose directory is `stateDir`, then records our pid.
 * Throws InstanceLockedError at once (no waiting) when another process holds it.
 *
 * The lock is SQLite's exclusive lock, which on unix is an fcntl() lock held by the kernel for
 * this process: it vanishes when the process dies, however it dies, so there are no stale locks.
 * fcntl locks are not inherited by child processes, so engines we spawn never keep it alive.
 */
export function acquireInstanceLock(stateDir, configPath) {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    const path = lockFilePath(stateDir);
    const db = lockOnce(path, stateDir, configPath, true);
    try {
        writePidFile(stateDir);
    }
    catch (err) {
        db.close();
        throw new InstanceLockFailedError(`cannot write the pid file in ${stateDir}: ${err.message}; check that it is writable`, { cause: err });
    }
    return new HeldInstanceLock(path, stateDir, db);
}
function lockOnce(path, stateDir, configPath, mayRepair) {
    let db;
    try {
        createPrivateFile(path);
        db = new Database(path, { timeout: 0 });
        // An in-memory journal: no `ferry.lock-journal` file next to the lock, even after SIGKILL.
        db.pragma('journal_mode = MEMORY');
        db.pragma('locking_mode = EXCLUSIVE');
        db.exec('BEGIN EXCLUSIVE');
        return db;
    }
    catch (err) {
        db?.close();
        const code = err.code;
        if (code === 'SQLITE_BUSY')
            throw new InstanceLockedError(configPath, readPidFile(stateDir), { cause: err });
        if (code === 'SQLITE_NOTADB' && mayRepair) {
            // Reading the header needed a shared lock, so nobody holds the lock: something wrote into
            // the file. Emptying it (same inode, so a racing holder keeps its lock) makes it usable.
            truncateSync(path, 0);
            return lockOnce(path, stateDir, configPath, false);
        }
        throw new InstanceLockFailedError(`cannot take the instance lock ${path}: ${err.message}; ` +
            `check that ${stateDir} is writable by this user`, { cause: err });
    }
}
class HeldInstanceLock {
    path;
    stateDir;
    #db;
    // Also keeps `#db` reachable: were it garbage-collected, its finalizer would drop the lock.
    #onExit = () => this.release();
    constructor(path, stateDir, db) {
        this.path = path;
        this.stateDir = stateDir;
        this.#db = db;
        process.once('exit', this.#onExit);
    }
    release() {
        const db = this.#db;
        if (db === undefined)
            return;
        this.#db = undefined;
        process.removeListener('exit', this.#onExit);
        // Pid file first: once the lock is gone a successor may write its own.
        removePidFile(this.stateDir);
        db.close();
    }
}
//# sourceMappingURL=instance-lock.js.map