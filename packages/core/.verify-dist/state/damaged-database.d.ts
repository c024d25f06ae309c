/** SQLite's own verdicts for "this file is not (or no longer) a usable database". */
export declare function isDamageError(err: unknown): boolean;
/**
 * Renames a damaged database, with its sidecars, to `<file>.damaged-<UTC YYYYMMDDTHHMMSS>` so
 * it can be inspected or recovered by hand; returns the new path. An earlier damaged copy with
 * the same stamp is never overwritten: a numeric suffix is added instead. Sidecars keep their
 * suffix after the new name, so `sqlite3 <new path>` still sees its WAL.
 */
export declare function moveDamagedAside(file: string, nowMs: number): string;
