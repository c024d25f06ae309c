import Database from 'better-sqlite3';
import type { PluginStore } from '../api/plugin-context.js';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logging/logger.js';
export type Db = Database.Database;
export type Statement = Database.Statement;
/** One schema step of one owner (a service or a plugin). Versions start at 1 and only grow. */
export interface Migration {
    readonly version: number;
    up(db: Db): void;
}
export interface StateStoreOptions {
    readonly logger: Logger;
    readonly clock?: Clock;
}
/** `<stateDir>/state/ferry.db`: the state dir is the config file's directory (DESIGN §5). */
export declare function stateDbPath(stateDir: string): string;
/**
 * The host's one durable store: a SQLite database that services and plugins share, each with its
 * own versioned migrations. Repositories use `db`/`statement()` and group writes with
 * `transaction()`, which is the group commit.
 */
export declare class StateStore {
    #private;
    readonly db: Db;
    readonly path: string;
    /** Set when the database was found damaged at open and replaced; the old file's new path. */
    readonly damagedMovedTo: string | undefined;
    private constructor();
    static open(stateDir: string, options: StateStoreOptions): StateStore;
    /** A prepared statement, cached for the life of this store. */
    statement(sql: string): Statement;
    /**
     * Runs `fn` in a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so two
     * writers never deadlock on a read-to-write upgrade. Nested calls become savepoints.
     */
    transaction<T>(fn: () => T): T;
    /**
     * Applies `owner`'s migrations newer than its recorded version, each in its own transaction,
     * in order. Versions must be strictly increasing integers from 1. Returns how many ran.
     */
    migrate(owner: string, migrations: readonly Migration[]): number;
    /** A durable key-value store for one plugin (or service), isolated from every other namespace. */
    namespace(ns: string): PluginStore;
    close(): void;
}
