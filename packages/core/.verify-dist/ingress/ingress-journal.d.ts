import type { InboundEvent, IngressCursor } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import type { JournalEntry, JournalState } from './journal-entry.js';
/**
 * The durable inbox. Events are appended in one SQLite transaction per group of concurrent
 * `append` calls (group commit), together with the cursor that covers them, and only then
 * does the caller learn they are safe: that order is the no-loss guarantee.
 */
export declare class IngressJournal {
    #private;
    private readonly store;
    private readonly clock;
    constructor(store: StateStore, clock: Clock);
    /**
     * Appends events durably; resolves with the entries that were new (duplicates dropped).
     * Calls made in the same tick share one transaction.
     */
    append(events: readonly InboundEvent[], cursor?: IngressCursor): Promise<JournalEntry[]>;
    cursor(key: string): string | undefined;
    /** Moves a pending entry to `running`; false if another path claimed it first. */
    claim(seq: number): boolean;
    setState(seq: number, state: JournalState, error?: string): void;
    /** Sets the one-time "restarting" notice flag; false when it was already set. */
    markNotified(seq: number): boolean;
    /** Back to pending after a failed attempt (the attempt count stays). */
    release(seq: number, error: string): void;
    get(seq: number): JournalEntry | undefined;
    /** Entries in the given states, oldest first. */
    list(states: readonly JournalState[], limit?: number): JournalEntry[];
    count(states: readonly JournalState[]): number;
    /** Forgets final entries (and so their dedupe keys) older than `retentionMs`. */
    prune(retentionMs: number): number;
}
