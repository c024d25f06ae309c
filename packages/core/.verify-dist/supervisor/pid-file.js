import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
/** `<stateDir>/ferry.pid`: who holds the instance lock, for messages and `ferry status`. */
export function pidFilePath(stateDir) {
    return join(stateDir, 'ferry.pid');
}
/**
 * Replaces the pid file atomically (temp file, fsync, rename, fsync of the directory), so a
 * reader sees the old pid or the new one, never an empty or half-written file. Call it only
 * while holding the instance lock: the lock, not this file, decides who runs.
 */
export function writePidFile(stateDir, pid = process.pid) {
    const file = pidFilePath(stateDir);
    const temp = `${file}.${pid}.tmp`;
    const fd = openSync(temp, 'w', 0o644);
    try {
        writeSync(fd, `${pid}\n`);
        fsyncSync(fd);
    }
    finally {
        closeSync(fd);
    }
    renameSync(temp, file);
    const dir = openSync(stateDir, 'r');
    try {
        fsyncSync(dir); // makes the rename itself survive a power cut
    }
    finally {
        closeSync(dir);
    }
}
/** The recorded pid, or undefined when the file is missing or does not hold a pid. */
export function readPidFile(stateDir) {
    let text;
    try {
        text = readFileSync(pidFilePath(stateDir), 'utf8').trim();
    }
    catch {
        return undefined;
    }
    return /^[1-9]\d*$/.test(text) ? Number(text) : undefined;
}
/** Removes the pid file if it still names `pid`, so a process never deletes a successor's file. */
export function removePidFile(stateDir, pid = process.pid) {
    if (readPidFile(stateDir) === pid)
        rmSync(pidFilePath(stateDir), { force: true });
}
//# sourceMappingURL=pid-file.js.map