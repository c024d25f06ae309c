import { existsSync, renameSync } from 'node:fs';
/** SQLite's own verdicts for "this file is not (or no longer) a usable database". */
export function isDamageError(err) {
    const code = err?.code;
    return typeof code === 'string' && (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT'));
}
// A rollback journal is not expected under WAL, but a damaged file may predate the switch.
const SIDECARS = ['-wal', '-shm', '-journal'];
/**
 * Renames a damaged database, with its sidecars, to `<file>.damaged-<UTC YYYYMMDDTHHMMSS>` so
 * it can be inspected or recovered by hand; returns the new path. An earlier damaged copy with
 * the same stamp is never overwritten: a numeric suffix is added instead. Sidecars keep their
 * suffix after the new name, so `sqlite3 <new path>` still sees its WAL.
 */
export function moveDamagedAside(file, nowMs) {
    const stamp = new Date(nowMs).toISOString().slice(0, 19).replace(/[-:]/g, '');
    for (let n = 0;; n++) {
        const target = `${file}.damaged-${stamp}${n === 0 ? '' : `-${n}`}`;
        if (existsSync(target) || SIDECARS.some((side) => existsSync(target + side)))
            continue;
        renameSync(file, target);
        for (const side of SIDECARS) {
            if (existsSync(file + side))
                renameSync(file + side, target + side);
        }
        return target;
    }
}
//# sourceMappingURL=damaged-database.js.map