import { randomBytes } from 'node:crypto';
import { chmod, open, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
/**
 * Replaces a file so that readers (and a crash) see the old or the new content, never a mix:
 * temp file in the same directory, fsync, rename over, fsync the directory so the rename
 * itself is durable. A symlinked path keeps its link; the file it points at is replaced.
 */
export async function writeFileAtomic(path, data, options = {}) {
    const target = await realpath(path).catch(() => path);
    const mode = options.mode ?? (await existingMode(target)) ?? 0o600;
    const dir = dirname(target);
    const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
        const handle = await open(temp, 'wx', mode);
        try {
            await handle.writeFile(data);
            await handle.sync();
        }
        finally {
            await handle.close();
        }
        // open()'s mode is filtered by the umask; the replaced file's bits must survive as they were.
        await chmod(temp, mode);
        await rename(temp, target);
    }
    catch (err) {
        await unlink(temp).catch(() => { });
        throw err;
    }
    await syncDirectory(dir);
}
async function existingMode(path) {
    try {
        return (await stat(path)).mode & 0o7777;
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw err;
    }
}
async function syncDirectory(dir) {
    const handle = await open(dir, 'r');
    try {
        await handle.sync();
    }
    catch (err) {
        // Some filesystems cannot fsync a directory; the rename has happened either way.
        const code = err.code;
        if (code !== 'EINVAL' && code !== 'EPERM' && code !== 'EISDIR')
            throw err;
    }
    finally {
        await handle.close();
    }
}
//# sourceMappingURL=atomic-write.js.map