import type { Migration } from '../state/state-store.js';

/*
 * `runs` is also the restart manifest: a row stays `running` while its engine runs, becomes
 * `interrupted` when a drain cuts it, and is still `running` after a crash. Startup treats both
 * as interrupted work to report and offer to resume. `outbox` records an answer before it is
 * sent, so a crash between intent and confirmation re-sends it instead of losing it.
 */
export const RUN_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE sessions (
          session    TEXT NOT NULL,
          engine     TEXT NOT NULL,
          resume     TEXT NOT NULL,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (session, engine)
        );
        CREATE TABLE session_prefs (
          session    TEXT PRIMARY KEY,
          engine     TEXT,
          project    TEXT,
          updated_at INTEGER NOT NULL
        );
        CREATE TABLE runs (
          id            INTEGER PRIMARY KEY AUTOINCREMENT,
          seq           INTEGER,
          session       TEXT    NOT NULL,
          chat_json     TEXT    NOT NULL,
          engine        TEXT    NOT NULL,
          prompt        TEXT    NOT NULL,
          cwd           TEXT    NOT NULL,
          resume        TEXT,
          progress_json TEXT,
          reply_json    TEXT,
          source        TEXT,
          steps         INTEGER NOT NULL DEFAULT 0,
          state         TEXT    NOT NULL,
          started_at    INTEGER NOT NULL,
          ended_at      INTEGER,
          resume_attempts INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX runs_state ON runs (state);
        CREATE TABLE outbox (
          id         INTEGER PRIMARY KEY AUTOINCREMENT,
          seq        INTEGER,
          chat_json  TEXT    NOT NULL,
          text       TEXT    NOT NULL,
          reply_json TEXT,
          state      TEXT    NOT NULL DEFAULT 'pending',
          created_at INTEGER NOT NULL
        );
        CREATE INDEX outbox_state ON outbox (state);
        CREATE TABLE cost_daily (
          day           TEXT NOT NULL,
          engine        TEXT NOT NULL,
          runs          INTEGER NOT NULL DEFAULT 0,
          cost_usd      REAL    NOT NULL DEFAULT 0,
          input_tokens  INTEGER NOT NULL DEFAULT 0,
          output_tokens INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (day, engine)
        );
      `);
    },
  },
  {
    // per-chat totals for /cost; `chat` is `transport:chat` (threads count towards their chat)
    version: 2,
    up(db) {
      db.exec(`
        CREATE TABLE cost_chat_daily (
          day           TEXT NOT NULL,
          chat          TEXT NOT NULL,
          engine        TEXT NOT NULL,
          runs          INTEGER NOT NULL DEFAULT 0,
          cost_usd      REAL    NOT NULL DEFAULT 0,
          input_tokens  INTEGER NOT NULL DEFAULT 0,
          output_tokens INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (day, chat, engine)
        );
      `);
    },
  },
  {
    // a reason sent instead of an answer (skipped, dead, unknown command) goes through the outbox
    // too; the journal state its entry ends in once it is sent
    version: 3,
    up(db) {
      db.exec('ALTER TABLE outbox ADD COLUMN final_state TEXT');
    },
  },
];
