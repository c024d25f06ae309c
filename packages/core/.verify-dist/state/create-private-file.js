import { closeSync, openSync } from 'node:fs';
/**
 * Creates `path` with mode 0600 if it does not exist, and never opens an existing file: on unix,
 * closing *any* descriptor of a file drops every fcntl lock this process holds on it, including
 * the locks SQLite holds through its own descriptors (the instance lock, a WAL reader's lock).
 */
export function createPrivateFile(path) {
    try {
        closeSync(openSync(path, 'wx', 0o600));
    }
    catch (err) {
        if (err.code !== 'EEXIST')
            throw err;
    }
}
//# sourceMappingURL=create-private-file.js.map