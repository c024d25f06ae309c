import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { StatusSocketError } from './daemon-errors.js';
// sun_path is 108 bytes on Linux and 104 on macOS/BSD, including the terminating NUL.
const MAX_SOCKET_PATH_BYTES = process.platform === 'linux' ? 107 : 103;
/** `<stateDir>/ferry.sock`: where the status socket lives when the path is short enough. */
export function preferredSocketPath(stateDir) {
    return join(resolve(stateDir), 'ferry.sock');
}
/** `<stateDir>/ferry.sock.path`: names the real socket when it had to live elsewhere. */
export function socketPathFile(stateDir) {
    return join(resolve(stateDir), 'ferry.sock.path');
}
function fits(path) {
    return Buffer.byteLength(path) <= MAX_SOCKET_PATH_BYTES;
}
/**
 * Where the daemon listens. A state dir too deep for a unix socket path gets a socket in a
 * private per-user directory under the temp dir, named by a hash of the state dir, and the
 * path is written to `ferry.sock.path` for clients. (A symlink would not help: the kernel
 * checks the length of the path given to bind/connect.)
 */
export function prepareSocketPath(stateDir) {
    const preferred = preferredSocketPath(stateDir);
    if (fits(preferred))
        return preferred;
    const name = `${createHash('sha256').update(resolve(stateDir)).digest('hex').slice(0, 16)}.sock`;
    const uid = process.getuid?.() ?? 0;
    let dir = join(tmpdir(), `ferry-${uid}`);
    if (!fits(join(dir, name)))
        dir = `/tmp/ferry-${uid}`;
    ensurePrivateDir(dir, uid);
    const path = join(dir, name);
    const file = socketPathFile(stateDir);
    writeFileSync(`${file}.tmp`, `${path}\n`, { mode: 0o600 });
    renameSync(`${file}.tmp`, file);
    return path;
}
/**
 * Where a client should connect, by the same rule as `prepareSocketPath`; undefined when the
 * state dir is deep and no daemon ever recorded its socket. Reading the recorded path (rather
 * than recomputing it) keeps working when the daemon and the CLI see different TMPDIRs.
 */
export function findSocketPath(stateDir) {
    const preferred = preferredSocketPath(stateDir);
    if (fits(preferred))
        return preferred;
    try {
        return readFileSync(socketPathFile(stateDir), 'utf8').trim() || undefined;
    }
    catch {
        return undefined;
    }
}
/** A shared temp dir is hostile ground: use the directory only if it is ours and closed to others. */
function ensurePrivateDir(dir, uid) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    if (!stat.isDirectory() || stat.uid !== uid) {
        throw new StatusSocketError(`${dir} (for the status socket of a deep state dir) is not a directory owned by uid ${uid}; ` +
            'remove it, or use a shorter path for the config directory');
    }
    if ((stat.mode & 0o077) !== 0)
        chmodSync(dir, 0o700);
}
//# sourceMappingURL=status-socket-path.js.map