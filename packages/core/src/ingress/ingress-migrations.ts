import type { Migration } from '../state/state-store.js';

/*
 * The journal table doubles as the dedupe set: UNIQUE(transport, dedupe_key) keeps a key for as
 * long as its entry is retained (at least 24 h, [ingress] retention_s), so a redelivered update
 * is recognised and dropped instead of run twice.
 */
export const INGRESS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE ingress (
          seq          INTEGER PRIMARY KEY AUTOINCREMENT,
          transport    TEXT    NOT NULL,
          dedupe_key   TEXT    NOT NULL,
          session      TEXT    NOT NULL,
          event_json   TEXT    NOT NULL,
          state        TEXT    NOT NULL DEFAULT 'pending',
          attempts     INTEGER NOT NULL DEFAULT 0,
          received_at  INTEGER NOT NULL,
          updated_at   INTEGER NOT NULL,
          last_error   TEXT,
          notified     INTEGER NOT NULL DEFAULT 0,
          UNIQUE (transport, dedupe_key)
        );
        CREATE INDEX ingress_state ON ingress (state, seq);
        CREATE INDEX ingress_updated ON ingress (updated_at);
        CREATE TABLE ingress_cursor (
          key        TEXT PRIMARY KEY,
          value      TEXT    NOT NULL,
          updated_at INTEGER NOT NULL
        );
      `);
    },
  },
  {
    // the "queued (n ahead)" notice of an entry: the next generation turns it into the progress message
    version: 2,
    up(db) {
      db.exec('ALTER TABLE ingress ADD COLUMN notice_json TEXT');
    },
  },
  {
    // set by an operator's `ferry journal replay`: runs however old the message is
    version: 3,
    up(db) {
      db.exec('ALTER TABLE ingress ADD COLUMN replayed INTEGER NOT NULL DEFAULT 0');
    },
  },
];
