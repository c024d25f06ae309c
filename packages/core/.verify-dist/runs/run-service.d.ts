import type { DrainReport, DrainRequest } from '../api/lifecycle.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { IngressJournal } from '../ingress/ingress-journal.js';
import type { Logger } from '../logging/logger.js';
import type { TransportHub } from '../transports/transport-hub.js';
import { CostLedger } from './cost-ledger.js';
import type { EngineSource } from './engine-source.js';
import { Outbox } from './outbox.js';
import type { ActiveRunInfo, RunJob } from './run-job.js';
import { RunLedger } from './run-ledger.js';
import { SessionStore } from './session-store.js';
export interface DrainOptions {
    /** Sessions whose runs are not waited for (the chat that asked for the restart). */
    readonly exempt?: ReadonlySet<string>;
    /** A run silent this long counts as stuck and is interrupted before the deadline. */
    readonly stuckAfterMs?: number;
}
/**
 * Runs engines for chats: one FIFO queue per session (chat or thread), progress in one
 * message edited in place, the answer as a new message through the durable outbox.
 */
export declare class RunService {
    #private;
    private readonly clock;
    private readonly log;
    private readonly hub;
    private readonly engines;
    private readonly journal;
    private readonly sessions;
    private readonly ledger;
    private readonly outbox;
    private readonly costs;
    constructor(clock: Clock, log: Logger, hub: TransportHub, engines: EngineSource, journal: IngressJournal, sessions: SessionStore, ledger: RunLedger, outbox: Outbox, costs: CostLedger);
    /** Queues a job; resolves when it has finished (answered, failed, cancelled or interrupted). */
    submit(job: RunJob): Promise<void>;
    /** Stops starting queued jobs (a drain began); queued entries stay pending in the journal. */
    stopAccepting(): void;
    active(): ActiveRunInfo[];
    queued(): number;
    /** `/cancel`: the run whose progress message is `ref`, else the session's running run. */
    cancel(session: string, ref?: MessageRef): boolean;
    cancelById(id: number): boolean;
    /** Starts queued jobs again after a drain that failed (the coordinator reopened the gate). */
    resumeAccepting(): void;
    /**
     * Waits for running runs until the deadline, then interrupts what is left. Liveness-aware:
     * a run that produced no engine output for `stuckAfterMs` is stuck, and is interrupted
     * without waiting out the deadline. Runs of `exempt` sessions (the one that asked for the
     * restart) are interrupted at once.
     */
    drain(req: DrainRequest, options?: DrainOptions): Promise<DrainReport>;
}
