import type { InboundEvent } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import type { StatusServer } from '../supervisor/status-server.js';
import type { Dispatcher } from './dispatcher.js';
import type { IngressJournal } from './ingress-journal.js';
import { JournalAdmin } from './journal-admin.js';
import type { JournalEntry, JournalState } from './journal-entry.js';
/** One entry as `journal.list` answers it and `ferry journal list --json` prints it. */
export interface JournalEntrySummary {
    readonly seq: number;
    readonly state: JournalState;
    readonly attempts: number;
    /** Epoch ms when the event was journaled. */
    readonly received_at: number;
    readonly chat: string;
    readonly session: string;
    readonly kind: InboundEvent['kind'];
    readonly text: string;
    readonly last_error: string | null;
}
/** `journal.show`: the summary with the whole event as it was journaled. */
export interface JournalEntryDetail extends JournalEntrySummary {
    readonly event: InboundEvent;
}
export interface JournalListResult {
    readonly entries: readonly JournalEntrySummary[];
}
export interface JournalChangeResult {
    readonly entry: JournalEntrySummary;
    /** True when a running daemon handed a replayed entry to its dispatcher (it runs now). */
    readonly dispatched: boolean;
}
export declare function summariseEntry(entry: JournalEntry): JournalEntrySummary;
export declare function detailEntry(entry: JournalEntry): JournalEntryDetail;
export interface JournalOpsDeps {
    readonly journal: IngressJournal;
    readonly dispatcher: Pick<Dispatcher, 'dispatch'>;
    /** Replay resets the attempt count, a write the journal itself does not offer. */
    readonly store: StateStore;
    readonly clock: Clock;
}
/**
 * Registers `journal.list`, `journal.show`, `journal.replay` and `journal.drop` on the daemon's
 * status socket, for `ferry journal`. Replay hands the entry to this daemon's dispatcher, so it
 * runs now rather than at the next start.
 */
export declare function registerJournalOps(server: StatusServer, deps: JournalOpsDeps): JournalAdmin;
