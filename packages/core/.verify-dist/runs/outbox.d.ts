import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
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
export declare class Outbox {
    private readonly store;
    private readonly clock;
    constructor(store: StateStore, clock: Clock);
    /**
     * Records answer parts in one transaction with the journal entry's move to `answering` and
     * the run's close: after a crash either the run is unfinished (interrupted) or its answer
     * is in the outbox (re-sent), never neither.
     */
    record(seq: number | undefined, chat: ChatAddress, texts: readonly string[], replyTo?: MessageRef, runId?: number): OutboxItem[];
    /** Confirms a sent part; when it was the entry's last, the entry is done (same transaction). */
    confirm(item: OutboxItem): void;
    pending(): OutboxItem[];
    prune(retentionMs: number): void;
}
