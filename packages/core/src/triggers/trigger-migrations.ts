import type { Migration } from '../state/state-store.js';

/*
 * `trigger_crons` remembers, per cron id, the newest slot fired: a restart never fires a slot
 * twice and knows which slots it missed. `firing_slot` is set before a slot is journaled and
 * cleared after, so a crash in between re-journals it at start (the journal's dedupe key makes
 * that a no-op when it got there). `fingerprint` is the schedule and zone: changing either
 * starts a fresh history (and re-arms a fired `run_once`). `trigger_at` holds `/at` one-shots.
 */
export const TRIGGER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE trigger_crons (
          id          TEXT PRIMARY KEY,
          fingerprint TEXT    NOT NULL,
          known_since INTEGER NOT NULL,
          last_slot   INTEGER,
          firing_slot INTEGER,
          finished    INTEGER NOT NULL DEFAULT 0,
          updated_at  INTEGER NOT NULL
        );
        CREATE TABLE trigger_at (
          id         INTEGER PRIMARY KEY AUTOINCREMENT,
          session    TEXT    NOT NULL,
          chat_json  TEXT    NOT NULL,
          prompt     TEXT    NOT NULL,
          due_at     INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          state      TEXT    NOT NULL DEFAULT 'pending',
          updated_at INTEGER NOT NULL
        );
        CREATE INDEX trigger_at_pending ON trigger_at (state, due_at);
      `);
    },
  },
];
