import { inject, injectable } from 'tsyringe';
import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import { CLOCK, STATE_STORE } from '../tokens.js';
import { RUN_MIGRATIONS } from './run-migrations.js';

export type RunState = 'running' | 'interrupted' | 'detached' | 'finished' | 'recovered';

export interface RunRecord {
  readonly id: number;
  readonly seq?: number;
  readonly session: string;
  readonly chat: ChatAddress;
  readonly engine: string;
  readonly prompt: string;
  readonly cwd: string;
  readonly resume?: string;
  readonly progress?: MessageRef;
  readonly replyTo?: MessageRef;
  readonly source?: string;
  readonly steps: number;
  readonly state: RunState;
  readonly startedAt: number;
  readonly resumeAttempts: number;
}

interface Row {
  id: number;
  seq: number | null;
  session: string;
  chat_json: string;
  engine: string;
  prompt: string;
  cwd: string;
  resume: string | null;
  progress_json: string | null;
  reply_json: string | null;
  source: string | null;
  steps: number;
  state: RunState;
  started_at: number;
  resume_attempts: number;
}

export type NewRun = Omit<RunRecord, 'id' | 'state' | 'startedAt' | 'steps' | 'resumeAttempts' | 'resume'> & {
  readonly resume?: string;
  readonly resumeAttempts?: number;
};

/**
 * Durable record of every run in flight. Rows left `running` by a crash or marked
 * `interrupted` by a drain are the restart manifest the next generation reads.
 */
@injectable()
export class RunLedger {
  constructor(
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(CLOCK) private readonly clock: Clock,
  ) {
    store.migrate('runs', RUN_MIGRATIONS);
  }

  open(run: NewRun): number {
    const info = this.store.db
      .prepare(
        `INSERT INTO runs (seq, session, chat_json, engine, prompt, cwd, resume, progress_json, reply_json, source,
           state, started_at, resume_attempts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`,
      )
      .run(
        run.seq ?? null,
        run.session,
        JSON.stringify(run.chat),
        run.engine,
        run.prompt,
        run.cwd,
        run.resume ?? null,
        run.progress ? JSON.stringify(run.progress) : null,
        run.replyTo ? JSON.stringify(run.replyTo) : null,
        run.source ?? null,
        this.clock.now(),
        run.resumeAttempts ?? 0,
      );
    return Number(info.lastInsertRowid);
  }

  update(id: number, patch: { resume?: string; progress?: MessageRef; steps?: number }): void {
    const db = this.store.db;
    if (patch.resume !== undefined)
      db.prepare('UPDATE runs SET resume = ? WHERE id = ?').run(patch.resume, id);
    if (patch.progress !== undefined)
      db.prepare('UPDATE runs SET progress_json = ? WHERE id = ?').run(JSON.stringify(patch.progress), id);
    if (patch.steps !== undefined) db.prepare('UPDATE runs SET steps = ? WHERE id = ?').run(patch.steps, id);
  }

  close(id: number, state: Exclude<RunState, 'running'>): void {
    this.store.db
      .prepare('UPDATE runs SET state = ?, ended_at = ? WHERE id = ?')
      .run(state, this.clock.now(), id);
  }

  /** A run handed over by a previous generation runs again in this one (live restore). */
  reopen(id: number): void {
    this.store.db.prepare(`UPDATE runs SET state = 'running', ended_at = NULL WHERE id = ?`).run(id);
  }

  /**
   * Runs the previous generation did not finish: interrupted by a drain, handed over with
   * their engine still going (live restore), or still `running` after a crash.
   */
  unfinished(): RunRecord[] {
    const rows = this.store.db
      .prepare(`SELECT * FROM runs WHERE state IN ('running', 'interrupted', 'detached') ORDER BY id`)
      .all() as Row[];
    return rows.map(toRecord);
  }

  /** The most recent interrupted run of a session that `/continue` can pick up. */
  lastRecovered(session: string): RunRecord | undefined {
    const row = this.store.db
      .prepare(`SELECT * FROM runs WHERE session = ? AND state = 'recovered' ORDER BY id DESC LIMIT 1`)
      .get(session) as Row | undefined;
    return row && toRecord(row);
  }

  get(id: number): RunRecord | undefined {
    const row = this.store.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Row | undefined;
    return row && toRecord(row);
  }
}

function toRecord(row: Row): RunRecord {
  return {
    id: row.id,
    ...(row.seq === null ? {} : { seq: row.seq }),
    session: row.session,
    chat: JSON.parse(row.chat_json) as ChatAddress,
    engine: row.engine,
    prompt: row.prompt,
    cwd: row.cwd,
    ...(row.resume === null ? {} : { resume: row.resume }),
    ...(row.progress_json === null ? {} : { progress: JSON.parse(row.progress_json) as MessageRef }),
    ...(row.reply_json === null ? {} : { replyTo: JSON.parse(row.reply_json) as MessageRef }),
    ...(row.source === null ? {} : { source: row.source }),
    steps: row.steps,
    state: row.state,
    startedAt: row.started_at,
    resumeAttempts: row.resume_attempts,
  };
}
