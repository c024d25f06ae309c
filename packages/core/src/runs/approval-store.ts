import { inject, injectable } from 'tsyringe';
import type { ApprovalMode } from '../api/approval.js';
import type { Clock } from '../clock/clock.js';
import type { Migration, StateStore } from '../state/state-store.js';
import { CLOCK, STATE_STORE } from '../tokens.js';

/* Its own owner in the store: these tables version independently of the `runs` schema. */
const APPROVAL_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE approval_modes (
          session    TEXT PRIMARY KEY,
          mode       TEXT NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE TABLE approval_allowances (
          session    TEXT NOT NULL,
          tool       TEXT NOT NULL,
          by_user    TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (session, tool)
        );
      `);
    },
  },
];

/**
 * Durable approval choices per chat session: the mode set with `/mode`, and the tools the user
 * allowed "always in this session". Durable so a restart does not start asking again.
 */
@injectable()
export class ApprovalStore {
  constructor(
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(CLOCK) private readonly clock: Clock,
  ) {
    store.migrate('approvals', APPROVAL_MIGRATIONS);
  }

  mode(session: string): ApprovalMode | undefined {
    const row = this.store.db.prepare('SELECT mode FROM approval_modes WHERE session = ?').get(session) as
      | { mode: ApprovalMode }
      | undefined;
    return row?.mode;
  }

  /** `undefined` clears the chat's own mode: the project's or the config's applies again. */
  setMode(session: string, mode: ApprovalMode | undefined): void {
    if (mode === undefined) {
      this.store.db.prepare('DELETE FROM approval_modes WHERE session = ?').run(session);
      return;
    }
    this.store.db
      .prepare(
        `INSERT INTO approval_modes (session, mode, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (session) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at`,
      )
      .run(session, mode, this.clock.now());
  }

  isAllowed(session: string, tool: string): boolean {
    return (
      this.store.db
        .prepare('SELECT 1 FROM approval_allowances WHERE session = ? AND tool = ?')
        .get(session, tool) !== undefined
    );
  }

  allow(session: string, tool: string, by: string): void {
    this.store.db
      .prepare(
        `INSERT INTO approval_allowances (session, tool, by_user, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session, tool) DO NOTHING`,
      )
      .run(session, tool, by, this.clock.now());
  }

  allowedTools(session: string): string[] {
    const rows = this.store.db
      .prepare('SELECT tool FROM approval_allowances WHERE session = ? ORDER BY tool')
      .all(session) as { tool: string }[];
    return rows.map((r) => r.tool);
  }

  /** `/new`: a fresh conversation starts without the old one's allowances (the mode stays). */
  forgetAllowances(session: string): number {
    return this.store.db.prepare('DELETE FROM approval_allowances WHERE session = ?').run(session).changes;
  }
}
