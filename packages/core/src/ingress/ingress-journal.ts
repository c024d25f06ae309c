import type { Statement } from 'better-sqlite3';
import { inject, injectable } from 'tsyringe';
import { sessionKeyOf } from '../api/chat-address.js';
import type { InboundEvent, IngressCursor, MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import { CLOCK, STATE_STORE } from '../tokens.js';
import { INGRESS_MIGRATIONS } from './ingress-migrations.js';
import type { JournalEntry, JournalState } from './journal-entry.js';

interface Row {
  seq: number;
  event_json: string;
  session: string;
  state: JournalState;
  attempts: number;
  received_at: number;
  last_error: string | null;
  notice_json: string | null;
  replayed: number;
}

interface PendingBatch {
  readonly events: readonly InboundEvent[];
  readonly cursor?: IngressCursor;
  readonly resolve: (accepted: JournalEntry[]) => void;
  readonly reject: (err: unknown) => void;
}

/**
 * The durable inbox. Events are appended in one SQLite transaction per group of concurrent
 * `append` calls (group commit), together with the cursor that covers them, and only then
 * does the caller learn they are safe: that order is the no-loss guarantee.
 */
@injectable()
export class IngressJournal {
  readonly #queue: PendingBatch[] = [];
  #flushScheduled = false;
  readonly #insert: Statement;
  readonly #upsertCursor: Statement;
  readonly #setState: Statement;
  readonly #claim: Statement;

  constructor(
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(CLOCK) private readonly clock: Clock,
  ) {
    store.migrate('ingress', INGRESS_MIGRATIONS);
    const db = store.db;
    this.#insert = db.prepare(
      `INSERT INTO ingress (transport, dedupe_key, session, event_json, received_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (transport, dedupe_key) DO NOTHING`,
    );
    this.#upsertCursor = db.prepare(
      `INSERT INTO ingress_cursor (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.#setState = db.prepare(
      'UPDATE ingress SET state = ?, updated_at = ?, last_error = coalesce(?, last_error) WHERE seq = ?',
    );
    this.#claim = db.prepare(
      `UPDATE ingress SET state = 'running', attempts = attempts + 1, updated_at = ?
       WHERE seq = ? AND state = 'pending'`,
    );
  }

  /**
   * Appends events durably; resolves with the entries that were new (duplicates dropped).
   * Calls made in the same tick share one transaction.
   */
  append(events: readonly InboundEvent[], cursor?: IngressCursor): Promise<JournalEntry[]> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ events, cursor, resolve, reject });
      if (!this.#flushScheduled) {
        this.#flushScheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#flushScheduled = false;
    const batches = this.#queue.splice(0);
    const now = this.clock.now();
    try {
      const results = this.store.transaction(() =>
        batches.map((batch) => {
          const fresh: JournalEntry[] = [];
          for (const event of batch.events) {
            const session = sessionKeyOf(event.chat);
            const info = this.#insert.run(
              event.transport,
              event.dedupeKey,
              session,
              JSON.stringify(event),
              now,
              now,
            );
            if (info.changes === 1) {
              fresh.push({
                seq: Number(info.lastInsertRowid),
                event,
                session,
                state: 'pending',
                attempts: 0,
                receivedAt: now,
              });
            }
          }
          if (batch.cursor) this.#upsertCursor.run(batch.cursor.key, batch.cursor.value, now);
          return fresh;
        }),
      );
      for (const [i, batch] of batches.entries()) batch.resolve(results[i] ?? []);
    } catch (err) {
      for (const batch of batches) batch.reject(err);
    }
  }

  cursor(key: string): string | undefined {
    const row = this.store.db.prepare('SELECT value FROM ingress_cursor WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row?.value;
  }

  /** Moves a pending entry to `running`; false if another path claimed it first. */
  claim(seq: number): boolean {
    return this.#claim.run(this.clock.now(), seq).changes === 1;
  }

  setState(seq: number, state: JournalState, error?: string): void {
    this.#setState.run(state, this.clock.now(), error ?? null, seq);
  }

  /** Sets the one-time "restarting" notice flag; false when it was already set. */
  markNotified(seq: number): boolean {
    return (
      this.store.db.prepare('UPDATE ingress SET notified = 1 WHERE seq = ? AND notified = 0').run(seq)
        .changes === 1
    );
  }

  /** Remembers the queued notice of an entry, so a later generation edits it instead of leaving it stale. */
  setNotice(seq: number, ref: MessageRef): void {
    this.store.statement('UPDATE ingress SET notice_json = ? WHERE seq = ?').run(JSON.stringify(ref), seq);
  }

  /** An operator's replay: pending again with a fresh attempt count, exempt from the age limit. */
  requeue(seq: number): void {
    this.store
      .statement(
        "UPDATE ingress SET state = 'pending', attempts = 0, replayed = 1, updated_at = ? WHERE seq = ?",
      )
      .run(this.clock.now(), seq);
  }

  /**
   * Records a failed processing attempt: back to `pending` for a retry, or `dead` once
   * `maxAttempts` attempts failed. Returns the new state.
   */
  fail(seq: number, error: string, maxAttempts: number): 'pending' | 'dead' {
    return this.store.transaction(() => {
      const row = this.store.statement('SELECT attempts, state FROM ingress WHERE seq = ?').get(seq) as
        | { attempts: number; state: string }
        | undefined;
      // a claimed entry has counted its attempt already; an unclaimed one counts it now
      const attempts = (row?.attempts ?? 0) + (row?.state === 'running' ? 0 : 1);
      const state = attempts >= maxAttempts ? 'dead' : 'pending';
      this.store
        .statement('UPDATE ingress SET state = ?, attempts = ?, last_error = ?, updated_at = ? WHERE seq = ?')
        .run(state, attempts, error, this.clock.now(), seq);
      return state;
    });
  }

  get(seq: number): JournalEntry | undefined {
    const row = this.store.db.prepare('SELECT * FROM ingress WHERE seq = ?').get(seq) as Row | undefined;
    return row && toEntry(row);
  }

  /** Entries in the given states, oldest first. */
  list(states: readonly JournalState[], limit = 1000): JournalEntry[] {
    const marks = states.map(() => '?').join(',');
    const rows = this.store.db
      .prepare(`SELECT * FROM ingress WHERE state IN (${marks}) ORDER BY seq LIMIT ?`)
      .all(...states, limit) as Row[];
    return rows.map(toEntry);
  }

  count(states: readonly JournalState[]): number {
    const marks = states.map(() => '?').join(',');
    const row = this.store.db
      .prepare(`SELECT count(*) AS n FROM ingress WHERE state IN (${marks})`)
      .get(...states) as {
      n: number;
    };
    return row.n;
  }

  /** Forgets final entries (and so their dedupe keys) older than `retentionMs`. */
  prune(retentionMs: number): number {
    const before = this.clock.now() - retentionMs;
    return this.store.db
      .prepare(`DELETE FROM ingress WHERE state IN ('done', 'skipped') AND updated_at < ?`)
      .run(before).changes;
  }
}

function toEntry(row: Row): JournalEntry {
  return {
    seq: row.seq,
    event: JSON.parse(row.event_json) as InboundEvent,
    session: row.session,
    state: row.state,
    attempts: row.attempts,
    receivedAt: row.received_at,
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
    ...(row.notice_json === null ? {} : { notice: JSON.parse(row.notice_json) as MessageRef }),
    ...(row.replayed ? { replayed: true } : {}),
  };
}
