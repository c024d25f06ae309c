import { inject, injectable } from 'tsyringe';
import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import { CLOCK, STATE_STORE } from '../tokens.js';
import { RUN_MIGRATIONS } from './run-migrations.js';

export interface OutboxItem {
  readonly id: number;
  readonly seq?: number;
  readonly chat: ChatAddress;
  readonly text: string;
  readonly replyTo?: MessageRef;
}

/**
 * Answers on their way out. An answer is recorded (with its journal entry moved to
 * `answering`) before it is sent and confirmed after; what is still pending at startup
 * was cut by a crash and is sent again, marked as such — never silently twice, never lost.
 */
@injectable()
export class Outbox {
  /** Items someone is sending right now: the retry loop must not send them a second time. */
  readonly #sending = new Set<number>();

  constructor(
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(CLOCK) private readonly clock: Clock,
  ) {
    store.migrate('runs', RUN_MIGRATIONS);
  }

  /**
   * Records answer parts in one transaction with the journal entry's move to `answering` and
   * the run's close: after a crash either the run is unfinished (interrupted) or its answer
   * is in the outbox (re-sent), never neither.
   */
  record(
    seq: number | undefined,
    chat: ChatAddress,
    texts: readonly string[],
    replyTo?: MessageRef,
    runId?: number,
    finalState: 'done' | 'skipped' | 'dead' = 'done',
  ): OutboxItem[] {
    return this.store.transaction(() => {
      const items = texts.map((text) => {
        const info = this.store.db
          .prepare(
            'INSERT INTO outbox (seq, chat_json, text, reply_json, created_at, final_state) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(
            seq ?? null,
            JSON.stringify(chat),
            text,
            replyTo ? JSON.stringify(replyTo) : null,
            this.clock.now(),
            finalState,
          );
        return {
          id: Number(info.lastInsertRowid),
          ...(seq === undefined ? {} : { seq }),
          chat,
          text,
          ...(replyTo ? { replyTo } : {}),
        };
      });
      if (seq !== undefined) {
        this.store.db
          .prepare(`UPDATE ingress SET state = 'answering', updated_at = ? WHERE seq = ?`)
          .run(this.clock.now(), seq);
      }
      if (runId !== undefined) {
        this.store.db
          .prepare(`UPDATE runs SET state = 'finished', ended_at = ? WHERE id = ?`)
          .run(this.clock.now(), runId);
      }
      return items;
    });
  }

  /** Confirms a sent part; when it was the entry's last, the entry is done (same transaction). */
  confirm(item: OutboxItem): void {
    this.store.transaction(() => {
      this.store.db.prepare(`UPDATE outbox SET state = 'sent' WHERE id = ?`).run(item.id);
      if (item.seq === undefined) return;
      const left = this.store.db
        .prepare(`SELECT count(*) AS n FROM outbox WHERE seq = ? AND state = 'pending'`)
        .get(item.seq) as { n: number };
      if (left.n === 0) {
        this.store.db
          .prepare(
            `UPDATE ingress SET state = coalesce((SELECT final_state FROM outbox WHERE id = ?), 'done'), updated_at = ?
             WHERE seq = ?`,
          )
          .run(item.id, this.clock.now(), item.seq);
      }
    });
  }

  /** Takes an item for sending; false when another path is already sending it. */
  begin(item: OutboxItem): boolean {
    if (this.#sending.has(item.id)) return false;
    this.#sending.add(item.id);
    return true;
  }

  /** Gives an item back after sending it (confirmed) or failing (still pending, for a retry). */
  end(item: OutboxItem): void {
    this.#sending.delete(item.id);
  }

  pending(): OutboxItem[] {
    const rows = this.store.db
      .prepare(`SELECT id, seq, chat_json, text, reply_json FROM outbox WHERE state = 'pending' ORDER BY id`)
      .all() as {
      id: number;
      seq: number | null;
      chat_json: string;
      text: string;
      reply_json: string | null;
    }[];
    return rows.map((r) => ({
      id: r.id,
      ...(r.seq === null ? {} : { seq: r.seq }),
      chat: JSON.parse(r.chat_json) as ChatAddress,
      text: r.text,
      ...(r.reply_json === null ? {} : { replyTo: JSON.parse(r.reply_json) as MessageRef }),
    }));
  }

  prune(retentionMs: number): void {
    this.store.db
      .prepare(`DELETE FROM outbox WHERE state = 'sent' AND created_at < ?`)
      .run(this.clock.now() - retentionMs);
  }
}
