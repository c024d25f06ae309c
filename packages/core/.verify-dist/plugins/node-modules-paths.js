import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
/**
 * The `node_modules` directories Node itself would search from `dir`, nearest first (Node's
 * NODE_MODULES_PATHS): a package installed beside the host is a package the host can import.
 */
export function nodeModulesPaths(dir) {
    const paths = [];
    for (let current = dir;; current = dirname(current)) {
        if (basename(current) !== 'node_modules')
            paths.push(join(current, 'node_modules'));
        if (dirname(current) === current)
            return paths;
    }
}
/**
 * Real paths of the package directories directly inside `dir`, including `@scope/*`, sorted by
 * name so discovery order does not depend on the file system. Symlinks (pnpm, `npm link`,
 * `npm install <dir>`) are followed; dangling links and dot entries (`.bin`, `.pnpm`) are skipped.
 */
export function packageDirsIn(dir) {
    const found = [];
    for (const name of listDir(dir)) {
        if (name.startsWith('.'))
            continue;
        const path = join(dir, name);
        if (name.startsWith('@')) {
            for (const scoped of listDir(path)) {
                if (!scoped.startsWith('.'))
                    pushIfDirectory(found, join(path, scoped));
            }
        }
        else {
            pushIfDirectory(found, path);
        }
    }
    return found;
}
function listDir(dir) {
    try {
        return readdirSync(dir).sort();
    }
    catch {
        return []; // most ancestors have no node_modules; that is not a problem worth reporting
    }
}
function pushIfDirectory(found, path) {
    try {
        if (statSync(path).isDirectory())
            found.push(realpathSync(path));
    }
    catch {
        // dangling symlink: nothing installed there
    }
}
//# sourceMappingURL=node-modules-paths.js.map