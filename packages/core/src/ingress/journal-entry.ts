import type { InboundEvent, MessageRef } from '../api/messages.js';

/**
 * Where an inbound event is in its life. `pending` waits to run; `running` has started (a
 * crash here means the run was interrupted, not that it never happened); `answering` has an
 * answer recorded in the outbox whose delivery is not yet confirmed; the rest are final.
 */
export type JournalState = 'pending' | 'running' | 'answering' | 'done' | 'skipped' | 'dead';

export const FINAL_STATES: readonly JournalState[] = ['done', 'skipped', 'dead'];

export interface JournalEntry {
  readonly seq: number;
  readonly event: InboundEvent;
  readonly session: string;
  readonly state: JournalState;
  readonly attempts: number;
  readonly receivedAt: number;
  readonly lastError?: string;
  /** Put back by an operator (`ferry journal replay`): exempt from the backlog age limit. */
  readonly replayed?: boolean;
  /** The "queued" notice sent for it, if any. */
  readonly notice?: MessageRef;
}
