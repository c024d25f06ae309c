import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SystemClock } from '../clock/system-clock.js';
import { createPrivateFile } from './create-private-file.js';
import { isDamageError, moveDamagedAside } from './damaged-database.js';
import { PLUGIN_KV_SCHEMA, PluginKvStore } from './plugin-kv-store.js';
import { MigrationOrderError, StateOpenError, StateSchemaTooNewError } from './state-errors.js';
/** Connection settings, in order. WAL + FULL: a commit is on disk (WAL fsynced) when it returns. */
const STATE_DB_PRAGMAS = [
    'journal_mode = WAL',
    'synchronous = FULL',
    'foreign_keys = ON',
    'busy_timeout = 5000',
];
const STORE_OWNER = 'ferry.state';
const STORE_MIGRATIONS = [{ version: 1, up: (db) => db.exec(PLUGIN_KV_SCHEMA) }];
/** `<stateDir>/state/ferry.db`: the state dir is the config file's directory (DESIGN §5). */
export function stateDbPath(stateDir) {
    return join(stateDir, 'state', 'ferry.db');
}
/**
 * The host's one durable store: a SQLite database that services and plugins share, each with its
 * own versioned migrations. Repositories use `db`/`statement()` and group writes with
 * `transaction()`, which is the group commit.
 */
export class StateStore {
    db;
    path;
    damagedMovedTo;
    #statements = new Map();
    #clock;
    #logger;
    #closed = false;
    constructor(db, path, 
    /** Set when the database was found damaged at open and replaced; the old file's new path. */
    damagedMovedTo, options) {
        this.db = db;
        this.path = path;
        this.damagedMovedTo = damagedMovedTo;
        this.#clock = options.clock ?? new SystemClock();
        this.#logger = options.logger;
    }
    static open(stateDir, options) {
        const dir = join(stateDir, 'state');
        const file = stateDbPath(stateDir);
        try {
            mkdirSync(dir, { recursive: true, mode: 0o700 });
            chmodSync(dir, 0o700); // mkdir's mode is filtered by the umask and skipped if the dir exists
        }
        catch (err) {
            throw openError(file, err);
        }
        let opened = openChecked(file);
        let movedTo;
        if (!(opened instanceof Database)) {
            movedTo = moveDamagedAside(file, (options.clock ?? new SystemClock()).now());
            options.logger.warn({ path: file, movedTo, problem: opened.problem }, `state database was damaged; moved it to ${movedTo} and started a fresh one`);
            opened = openChecked(file);
            if (!(opened instanceof Database)) {
                throw new StateOpenError(`a fresh state database at ${file} is reported damaged too (${opened.problem}); ` +
                    'check the disk and the filesystem of the state dir');
            }
        }
        const store = new StateStore(opened, file, movedTo, options);
        try {
            store.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
           owner TEXT NOT NULL, version INTEGER NOT NULL, applied_at INTEGER NOT NULL,
           PRIMARY KEY (owner, version))`);
            store.migrate(STORE_OWNER, STORE_MIGRATIONS);
        }
        catch (err) {
            store.close();
            throw err;
        }
        return store;
    }
    /** A prepared statement, cached for the life of this store. */
    statement(sql) {
        let stmt = this.#statements.get(sql);
        if (stmt === undefined) {
            stmt = this.db.prepare(sql);
            this.#statements.set(sql, stmt);
        }
        return stmt;
    }
    /**
     * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so two
     * writers never deadlock on a read-to-write upgrade. Nested calls become savepoints.
     */
    transaction(fn) {
        return this.db.transaction(fn).immediate();
    }
    /**
     * Applies `owner`'s migrations newer than its recorded version, each in its own transaction,
     * in order. Versions must be strictly increasing integers from 1. Returns how many ran.
     */
    migrate(owner, migrations) {
        checkOrder(owner, migrations);
        const newest = migrations.at(-1)?.version ?? 0;
        const current = this.#appliedVersion(owner);
        if (current > newest) {
            throw new StateSchemaTooNewError(`${this.path}: "${owner}" is at schema version ${current}, but this build knows only up ` +
                `to ${newest}; run the Ferry (or plugin) version that wrote it, or a newer one`);
        }
        let ran = 0;
        for (const migration of migrations) {
            const applied = this.transaction(() => {
                // Re-read under the write lock, so two processes migrating at once apply each step once.
                if (migration.version <= this.#appliedVersion(owner))
                    return false;
                migration.up(this.db);
                this.statement('INSERT INTO schema_migrations (owner, version, applied_at) VALUES (?, ?, ?)').run(owner, migration.version, this.#clock.now());
                return true;
            });
            if (applied) {
                ran++;
                this.#logger.info({ owner, version: migration.version }, 'state migration applied');
            }
        }
        return ran;
    }
    /** A durable key-value store for one plugin (or service), isolated from every other namespace. */
    namespace(ns) {
        return new PluginKvStore(this, this.#clock, ns);
    }
    close() {
        if (this.#closed)
            return;
        this.#closed = true;
        this.#statements.clear();
        this.db.close();
    }
    #appliedVersion(owner) {
        const row = this.statement('SELECT max(version) AS v FROM schema_migrations WHERE owner = ?').get(owner);
        return row.v ?? 0;
    }
}
function checkOrder(owner, migrations) {
    let previous = 0;
    for (const { version } of migrations) {
        if (!Number.isInteger(version) || version <= previous) {
            throw new MigrationOrderError(`migrations of "${owner}" must have strictly increasing integer versions from 1, ` +
                `but ${version} follows ${previous}; fix the migration list in "${owner}"`);
        }
        previous = version;
    }
}
/** Opens and configures the database, or says why it is damaged. Other failures throw. */
function openChecked(file) {
    let db;
    try {
        // Created here because SQLite would create it under the process umask.
        createPrivateFile(file);
        chmodSync(file, 0o600);
        const problem = integrityProblem(file);
        if (problem !== undefined)
            return { problem };
        db = new Database(file);
        for (const pragma of STATE_DB_PRAGMAS)
            db.pragma(pragma);
        // SQLite gives the sidecars the database's mode; this covers files left by older runs.
        for (const side of ['-wal', '-shm'])
            if (existsSync(file + side))
                chmodSync(file + side, 0o600);
        return db;
    }
    catch (err) {
        db?.close();
        if (isDamageError(err))
            return { problem: err.message };
        throw openError(file, err);
    }
}
/**
 * Runs `quick_check` on a read-only connection: closing a read-write one would checkpoint or
 * delete a WAL it cannot read, destroying the newest commits of a database we mean to keep.
 */
function integrityProblem(file) {
    const db = new Database(file, { readonly: true });
    try {
        const verdict = db.pragma('quick_check', { simple: true });
        return verdict === 'ok' ? undefined : String(verdict);
    }
    catch (err) {
        if (isDamageError(err))
            return err.message;
        throw err;
    }
    finally {
        db.close();
    }
}
function openError(file, err) {
    return new StateOpenError(`cannot open the state database ${file}: ${err.message}; ` +
        'check that the state dir is writable by this user and the disk is not full', { cause: err });
}
//# sourceMappingURL=state-store.js.map