import type { Clock } from '../clock/clock.js';
import { FerryError } from '../errors/ferry-error.js';
import type { StateStore } from '../state/state-store.js';
import type { IngressJournal } from './ingress-journal.js';
import type { JournalEntry, JournalState } from './journal-entry.js';
/** Every state, in the order an entry passes through them; `ferry journal list --state` takes these. */
export declare const JOURNAL_STATES: readonly ["pending", "running", "answering", "done", "skipped", "dead"];
export declare const DROPPED_REASON = "dropped by operator";
/** Most entries one `list` returns: the answer travels as one line over the status socket. */
export declare const MAX_LIST_LIMIT = 1000;
/** No journal entry has that seq (never had, or pruned after its retention). */
export declare class JournalEntryNotFoundError extends FerryError {
    readonly seq: number;
    readonly code = "FERRY_JOURNAL_NOT_FOUND";
    constructor(seq: number);
}
/** The entry is finished (done or skipped): replaying it would run a message twice. */
export declare class JournalEntryFinalError extends FerryError {
    readonly seq: number;
    readonly state: JournalState;
    readonly code = "FERRY_JOURNAL_FINAL";
    constructor(seq: number, state: JournalState, action: 'replay' | 'drop');
}
/** The entry is being processed right now; touching it could run it twice or lose its answer. */
export declare class JournalEntryBusyError extends FerryError {
    readonly seq: number;
    readonly state: JournalState;
    readonly code = "FERRY_JOURNAL_BUSY";
    constructor(seq: number, state: JournalState);
}
/** A state name that the journal does not have. */
export declare class JournalStateUnknownError extends FerryError {
    readonly state: string;
    readonly code = "FERRY_JOURNAL_UNKNOWN_STATE";
    constructor(state: string);
}
/** Parses `dead`, `dead,pending` or `all` into states; throws JournalStateUnknownError otherwise. */
export declare function parseJournalStates(text: string): JournalState[];
/**
 * The operator's side of the ingress journal: look at entries, send a dead letter round again,
 * or give up on it. Each change re-reads the entry inside a write transaction, so a daemon
 * working on the same database (or the same entry) in between cannot be overruled.
 */
export declare class JournalAdmin {
    #private;
    private readonly journal;
    private readonly store;
    private readonly clock;
    constructor(journal: IngressJournal, store: StateStore, clock: Clock);
    /** Entries in `states`, oldest first. */
    list(states?: readonly JournalState[], limit?: number): JournalEntry[];
    show(seq: number): JournalEntry;
    /**
     * Back to `pending` with the attempt count reset, so the entry gets the full number of
     * attempts again before it can go dead. Accepts `dead` and `pending` (a pending entry
     * released after a failure waits for the next start otherwise). The caller dispatches it.
     */
    replay(seq: number): JournalEntry;
    /** Marks a `dead` or `pending` entry done, with the reason recorded as its last error. */
    drop(seq: number): JournalEntry;
}
