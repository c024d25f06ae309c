import { inject, injectable } from 'tsyringe';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import { CLOCK, STATE_STORE } from '../tokens.js';
import { RUN_MIGRATIONS } from './run-migrations.js';

export interface SessionPrefs {
  readonly engine?: string;
  readonly project?: string;
}

/** Durable per-session memory: resume tokens per engine, and the chosen engine/project. */
@injectable()
export class SessionStore {
  constructor(
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(CLOCK) private readonly clock: Clock,
  ) {
    store.migrate('runs', RUN_MIGRATIONS);
  }

  resumeToken(session: string, engine: string): string | undefined {
    const row = this.store.db
      .prepare('SELECT resume FROM sessions WHERE session = ? AND engine = ?')
      .get(session, engine) as { resume: string } | undefined;
    return row?.resume;
  }

  setResumeToken(session: string, engine: string, resume: string): void {
    this.store.db
      .prepare(
        `INSERT INTO sessions (session, engine, resume, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session, engine) DO UPDATE SET resume = excluded.resume, updated_at = excluded.updated_at`,
      )
      .run(session, engine, resume, this.clock.now());
  }

  /** `/new`: the next message starts a fresh conversation with every engine. */
  forget(session: string): number {
    return this.store.db.prepare('DELETE FROM sessions WHERE session = ?').run(session).changes;
  }

  prefs(session: string): SessionPrefs {
    const row = this.store.db
      .prepare('SELECT engine, project FROM session_prefs WHERE session = ?')
      .get(session) as { engine: string | null; project: string | null } | undefined;
    return {
      ...(row?.engine ? { engine: row.engine } : {}),
      ...(row?.project ? { project: row.project } : {}),
    };
  }

  setPrefs(session: string, prefs: SessionPrefs): void {
    this.store.db
      .prepare(
        `INSERT INTO session_prefs (session, engine, project, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session) DO UPDATE SET engine = excluded.engine, project = excluded.project,
           updated_at = excluded.updated_at`,
      )
      .run(session, prefs.engine ?? null, prefs.project ?? null, this.clock.now());
  }
}
