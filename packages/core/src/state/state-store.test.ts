import { chmodSync, closeSync, mkdirSync, openSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { captureLogger } from '../supervisor/__fixtures__/capture-logger.js';
import { makeTempDir } from '../supervisor/__fixtures__/temp-dir.js';
import { type Migration, StateStore, stateDbPath } from './state-store.js';

function openStore(stateDir = makeTempDir(), clock?: ManualClock): StateStore {
  const store = StateStore.open(stateDir, { logger: captureLogger().logger, clock });
  onTestFinished(() => store.close());
  return store;
}

function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

function tablesOf(store: StateStore): string[] {
  const rows = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all();
  return (rows as { name: string }[]).map((r) => r.name);
}

const createTable =
  (name: string): Migration['up'] =>
  (db) =>
    db.exec(`CREATE TABLE ${name} (id INTEGER PRIMARY KEY)`);

/** A migration that also notes its version in `log` when it runs. */
function recorded(log: number[], version: number, up: Migration['up'] = () => {}): Migration {
  return {
    version,
    up: (db) => {
      log.push(version);
      up(db);
    },
  };
}

describe('StateStore.open', () => {
  it('opens <stateDir>/state/ferry.db in WAL mode with synchronous=FULL and foreign keys on', () => {
    const stateDir = makeTempDir();
    const store = openStore(stateDir);

    expect(store.path).toBe(join(stateDir, 'state', 'ferry.db'));
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(store.damagedMovedTo).toBeUndefined();
  });

  it('keeps the state dir 0700 and the database and its WAL sidecars 0600 under a permissive umask', () => {
    const previous = process.umask(0);
    onTestFinished(() => void process.umask(previous));
    const stateDir = makeTempDir();
    const store = openStore(stateDir);
    store.namespace('p').set('k', 1); // makes sure the -wal and -shm files exist

    expect(modeOf(join(stateDir, 'state'))).toBe(0o700);
    expect(modeOf(store.path)).toBe(0o600);
    expect(modeOf(`${store.path}-wal`)).toBe(0o600);
    expect(modeOf(`${store.path}-shm`)).toBe(0o600);
  });

  it('tightens a database file that an older run left world-readable', () => {
    const stateDir = makeTempDir();
    mkdirSync(join(stateDir, 'state'));
    closeSync(openSync(stateDbPath(stateDir), 'w', 0o644));
    chmodSync(stateDbPath(stateDir), 0o644);

    openStore(stateDir);

    expect(modeOf(stateDbPath(stateDir))).toBe(0o600);
  });

  it('fails with FERRY_STATE_OPEN, and moves nothing aside, when the state path is not a directory', () => {
    const stateDir = makeTempDir();
    writeFileSync(join(stateDir, 'state'), 'not a directory');

    expect(() => StateStore.open(stateDir, { logger: captureLogger().logger })).toThrow(
      expect.objectContaining({ code: 'FERRY_STATE_OPEN' }),
    );
  });
});

describe('StateStore.migrate', () => {
  it('applies pending migrations in order, records each, and is a no-op when re-run', () => {
    const clock = new ManualClock(1_000);
    const store = openStore(makeTempDir(), clock);
    const order: number[] = [];
    const migrations: Migration[] = [
      recorded(order, 1, createTable('a')),
      recorded(order, 2, (db) => db.exec('ALTER TABLE a ADD COLUMN note TEXT')),
      recorded(order, 5, createTable('b')),
    ];

    expect(store.migrate('runs', migrations)).toBe(3);
    expect(store.migrate('runs', migrations)).toBe(0);

    expect(order).toEqual([1, 2, 5]);
    expect(tablesOf(store)).toEqual(expect.arrayContaining(['a', 'b']));
    const history = store.db
      .prepare("SELECT version, applied_at FROM schema_migrations WHERE owner = 'runs' ORDER BY version")
      .all();
    expect(history).toEqual([
      { version: 1, applied_at: 1_000 },
      { version: 2, applied_at: 1_000 },
      { version: 5, applied_at: 1_000 },
    ]);
  });

  it('runs only the migrations added since the last run, also after a reopen', () => {
    const stateDir = makeTempDir();
    const first = StateStore.open(stateDir, { logger: captureLogger().logger });
    first.migrate('triggers', [{ version: 1, up: createTable('t1') }]);
    first.close();
    const store = openStore(stateDir);
    const ran: number[] = [];

    const count = store.migrate('triggers', [recorded(ran, 1), recorded(ran, 2, createTable('t2'))]);

    expect(count).toBe(1);
    expect(ran).toEqual([2]);
  });

  it('keeps owners apart: each owner has its own version sequence', () => {
    const store = openStore();

    store.migrate('runs', [{ version: 1, up: createTable('runs_v1') }]);
    const ran = store.migrate('plugin.cron', [{ version: 1, up: createTable('cron_v1') }]);

    expect(ran).toBe(1);
    expect(tablesOf(store)).toEqual(expect.arrayContaining(['runs_v1', 'cron_v1']));
  });

  it.each([
    ['decreasing', [2, 1]],
    ['repeated', [1, 1]],
    ['zero', [0, 1]],
    ['fractional', [1, 1.5]],
  ])('rejects %s versions with FERRY_STATE_MIGRATION_ORDER before changing anything', (_name, versions) => {
    const store = openStore();
    const migrations = versions.map((version, i) => ({ version, up: createTable(`t${i}`) }));

    expect(() => store.migrate('bad', migrations)).toThrow(
      expect.objectContaining({ code: 'FERRY_STATE_MIGRATION_ORDER' }),
    );
    expect(tablesOf(store)).not.toContain('t0');
  });

  it('rolls back a failing migration alone, keeping the ones before it', () => {
    const store = openStore();
    const boom = new Error('boom');

    expect(() =>
      store.migrate('runs', [
        { version: 1, up: createTable('kept') },
        {
          version: 2,
          up: (db) => {
            createTable('half_done')(db);
            throw boom;
          },
        },
      ]),
    ).toThrow(boom);

    expect(tablesOf(store)).toContain('kept');
    expect(tablesOf(store)).not.toContain('half_done');
    expect(store.migrate('runs', [{ version: 1, up: createTable('kept') }])).toBe(0);
  });

  it('refuses with FERRY_STATE_SCHEMA_TOO_NEW when the database was migrated further than this build knows', () => {
    const store = openStore();
    store.migrate('runs', [
      { version: 1, up: createTable('a') },
      { version: 2, up: createTable('b') },
    ]);

    expect(() => store.migrate('runs', [{ version: 1, up: createTable('a') }])).toThrow(
      expect.objectContaining({ code: 'FERRY_STATE_SCHEMA_TOO_NEW' }),
    );
  });
});

describe('StateStore.transaction', () => {
  it('commits the whole function or nothing', () => {
    const store = openStore();
    store.migrate('t', [{ version: 1, up: createTable('rows') }]);
    const insert = store.statement('INSERT INTO rows (id) VALUES (?)');

    store.transaction(() => {
      for (const id of [1, 2]) insert.run(id);
    });
    expect(() =>
      store.transaction(() => {
        insert.run(3);
        throw new Error('abort');
      }),
    ).toThrow('abort');

    expect(store.db.prepare('SELECT id FROM rows ORDER BY id').pluck().all()).toEqual([1, 2]);
  });

  it('takes the write lock at BEGIN, so another writer is held off before the first write', () => {
    const store = openStore();
    const other = new Database(store.path, { timeout: 0 });
    onTestFinished(() => void other.close());

    const seen = store.transaction(() => {
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
        return 'got the lock';
      } catch (err) {
        return (err as { code?: string }).code;
      }
    });

    expect(seen).toBe('SQLITE_BUSY');
  });
});

describe('StateStore.statement', () => {
  it('prepares each SQL text once per store', () => {
    const a = openStore();
    const b = openStore();
    const sql = 'SELECT count(*) FROM schema_migrations';

    expect(a.statement(sql)).toBe(a.statement(sql));
    expect(b.statement(sql)).not.toBe(a.statement(sql));
  });
});
