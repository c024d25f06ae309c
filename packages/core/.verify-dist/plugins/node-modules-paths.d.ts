/**
 * The `node_modules` directories Node itself would search from `dir`, nearest first (Node's
 * NODE_MODULES_PATHS): a package installed beside the host is a package the host can import.
 */
export declare function nodeModulesPaths(dir: string): string[];
/**
 * Real paths of the package directories directly inside `dir`, including `@scope/*`, sorted by
 * name so discovery order does not depend on the file system. Symlinks (pnpm, `npm link`,
 * `npm install <dir>`) are followed; dangling links and dot entries (`.bin`, `.pnpm`) are skipped.
 */
export declare function packageDirsIn(dir: string): string[];
