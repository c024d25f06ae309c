import type { Clock } from '../clock/clock.js';
import type { RestartConfig } from '../config/schema.js';
import type { IngressJournal } from '../ingress/ingress-journal.js';
import type { Logger } from '../logging/logger.js';
import type { Outbox } from '../runs/outbox.js';
import type { OutboxSender } from '../runs/outbox-sender.js';
import type { RunLedger } from '../runs/run-ledger.js';
import type { RunService } from '../runs/run-service.js';
import type { TransportHub } from '../transports/transport-hub.js';
export declare const RESENT_MARKER = "(re-sent after a restart)";
export interface RecoveryDeps {
    readonly clock: Clock;
    readonly log: Logger;
    readonly journal: IngressJournal;
    readonly ledger: RunLedger;
    readonly outbox: Outbox;
    readonly sender: OutboxSender;
    readonly runs: RunService;
    readonly hub: TransportHub;
    readonly restart: () => RestartConfig;
    readonly maxAttempts: () => number;
}
export interface RecoveryReport {
    readonly resent: number;
    readonly interrupted: number;
    readonly autoResumed: number;
    readonly requeued: number;
    readonly dead: number;
}
/**
 * STARTUP's repair work (DESIGN §6): answers cut by a crash are sent again (marked), runs the
 * previous generation did not finish are reported in their chat and offered to `/continue`
 * (or resumed when `restart.auto_resume`), and journal entries stuck mid-way go back to
 * pending — or to the dead letters after too many attempts, so nothing loops forever.
 */
export declare class RecoveryService {
    #private;
    private readonly d;
    constructor(d: RecoveryDeps);
    recover(): Promise<RecoveryReport>;
    /** `/continue`: resumes the most recent interrupted run of the session. */
    continueRun(session: string): Promise<string>;
}
