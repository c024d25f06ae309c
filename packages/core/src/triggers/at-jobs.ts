import type { ChatAddress } from '../api/chat-address.js';
import { sessionKeyOf } from '../api/chat-address.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import { TRIGGER_MIGRATIONS } from './trigger-migrations.js';

export interface AtJob {
  readonly id: number;
  readonly session: string;
  readonly chat: ChatAddress;
  readonly prompt: string;
  readonly dueAt: number;
  readonly createdAt: number;
}

interface Row {
  id: number;
  session: string;
  chat_json: string;
  prompt: string;
  due_at: number;
  created_at: number;
}

/**
 * `/at` one-shots, durable. A job stays `pending` until its event is journaled; a crash in
 * between journals it again at start, and the journal's dedupe key (`at:<id>`) keeps it to one run.
 */
export class AtJobs {
  constructor(
    private readonly store: StateStore,
    private readonly clock: Clock,
  ) {
    store.migrate('triggers', TRIGGER_MIGRATIONS);
  }

  add(chat: ChatAddress, prompt: string, dueAt: number): AtJob {
    const now = this.clock.now();
    const session = sessionKeyOf(chat);
    const info = this.store
      .statement(
        `INSERT INTO trigger_at (session, chat_json, prompt, due_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(session, JSON.stringify(chat), prompt, dueAt, now, now);
    return { id: Number(info.lastInsertRowid), session, chat, prompt, dueAt, createdAt: now };
  }

  /** Pending jobs of one session (or all), soonest first. */
  pending(session?: string): AtJob[] {
    const rows = (
      session === undefined
        ? this.store.statement(`SELECT * FROM trigger_at WHERE state = 'pending' ORDER BY due_at, id`).all()
        : this.store
            .statement(`SELECT * FROM trigger_at WHERE state = 'pending' AND session = ? ORDER BY due_at, id`)
            .all(session)
    ) as Row[];
    return rows.map(toJob);
  }

  count(session?: string): number {
    return this.pending(session).length;
  }

  due(now: number): AtJob[] {
    const rows = this.store
      .statement(`SELECT * FROM trigger_at WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id`)
      .all(now) as Row[];
    return rows.map(toJob);
  }

  nextDue(): number | undefined {
    const row = this.store
      .statement(`SELECT min(due_at) AS at FROM trigger_at WHERE state = 'pending'`)
      .get() as {
      at: number | null;
    };
    return row.at ?? undefined;
  }

  fired(id: number): void {
    this.#set(id, 'fired');
  }

  /** Cancels one pending job of the session; false when there is none with that id. */
  cancel(session: string, id: number): boolean {
    return (
      this.store
        .statement(
          `UPDATE trigger_at SET state = 'cancelled', updated_at = ? WHERE id = ? AND session = ? AND state = 'pending'`,
        )
        .run(this.clock.now(), id, session).changes === 1
    );
  }

  /** Cancels every pending job of the session; returns how many. */
  cancelAll(session: string): number {
    return this.store
      .statement(
        `UPDATE trigger_at SET state = 'cancelled', updated_at = ? WHERE session = ? AND state = 'pending'`,
      )
      .run(this.clock.now(), session).changes;
  }

  /** Forgets fired and cancelled jobs last changed before `before`. */
  prune(before: number): number {
    return this.store
      .statement(`DELETE FROM trigger_at WHERE state != 'pending' AND updated_at < ?`)
      .run(before).changes;
  }

  #set(id: number, state: string): void {
    this.store
      .statement('UPDATE trigger_at SET state = ?, updated_at = ? WHERE id = ?')
      .run(state, this.clock.now(), id);
  }
}

function toJob(row: Row): AtJob {
  return {
    id: row.id,
    session: row.session,
    chat: JSON.parse(row.chat_json) as ChatAddress,
    prompt: row.prompt,
    dueAt: row.due_at,
    createdAt: row.created_at,
  };
}
