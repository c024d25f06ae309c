import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import { TRIGGER_MIGRATIONS } from './trigger-migrations.js';

export interface CronStateRow {
  readonly id: string;
  readonly fingerprint: string;
  /** Slots before this never count as missed: the cron did not exist (or was off). */
  readonly knownSince: number;
  readonly lastSlot?: number;
  /** A slot whose journaling a crash may have cut: journal it again at start. */
  readonly firingSlot?: number;
  /** A `run_once` cron that has fired. */
  readonly finished: boolean;
}

interface Row {
  id: string;
  fingerprint: string;
  known_since: number;
  last_slot: number | null;
  firing_slot: number | null;
  finished: number;
}

/** The persisted fire history of crons (see trigger-migrations.ts). */
export class CronState {
  constructor(
    private readonly store: StateStore,
    private readonly clock: Clock,
  ) {
    store.migrate('triggers', TRIGGER_MIGRATIONS);
  }

  /** The row for `id`; a missing row, or one for another schedule, starts fresh from now. */
  ensure(id: string, fingerprint: string): CronStateRow {
    const row = this.#get(id);
    if (row && row.fingerprint === fingerprint) return row;
    const now = this.clock.now();
    this.store
      .statement(
        `INSERT INTO trigger_crons (id, fingerprint, known_since, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, known_since = excluded.known_since,
           last_slot = NULL, firing_slot = NULL, finished = 0, updated_at = excluded.updated_at`,
      )
      .run(id, fingerprint, now, now);
    return { id, fingerprint, knownSince: now, finished: false };
  }

  /** A cron (re)enabled while running: what happened while it was off is not "missed". */
  restartHistory(id: string): void {
    const now = this.clock.now();
    this.store
      .statement('UPDATE trigger_crons SET known_since = ?, updated_at = ? WHERE id = ?')
      .run(now, now, id);
  }

  firing(id: string, slot: number): void {
    this.store
      .statement('UPDATE trigger_crons SET firing_slot = ?, updated_at = ? WHERE id = ?')
      .run(slot, this.clock.now(), id);
  }

  /** The slot is journaled (or deliberately skipped): it never fires again. */
  fired(id: string, slot: number, finished: boolean): void {
    this.store
      .statement(
        `UPDATE trigger_crons SET last_slot = max(coalesce(last_slot, 0), ?), firing_slot = NULL,
           finished = max(finished, ?), updated_at = ? WHERE id = ?`,
      )
      .run(slot, finished ? 1 : 0, this.clock.now(), id);
  }

  get(id: string): CronStateRow | undefined {
    return this.#get(id);
  }

  #get(id: string): CronStateRow | undefined {
    const row = this.store.statement('SELECT * FROM trigger_crons WHERE id = ?').get(id) as Row | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      fingerprint: row.fingerprint,
      knownSince: row.known_since,
      ...(row.last_slot === null ? {} : { lastSlot: row.last_slot }),
      ...(row.firing_slot === null ? {} : { firingSlot: row.firing_slot }),
      finished: row.finished === 1,
    };
  }
}
