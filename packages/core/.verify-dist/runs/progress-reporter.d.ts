import type { ProgressView } from '../api/presenter.js';
import type { EngineAction } from '../api/engine.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { TransportHub } from '../transports/transport-hub.js';
/**
 * Keeps one progress message current while a run goes on. Changes are coalesced: at most one
 * edit per `minEditIntervalMs` of the chat's transport, always showing the newest state.
 */
export declare class ProgressReporter {
    #private;
    private readonly hub;
    private readonly clock;
    private readonly ref;
    private readonly engine;
    private readonly startedAt;
    private readonly cancelData;
    constructor(hub: TransportHub, clock: Clock, ref: MessageRef, engine: string, startedAt: number, cancelData: string | undefined);
    start(): void;
    get steps(): number;
    setModel(model: string | undefined): void;
    setStatus(status: ProgressView['status']): void;
    action(action: EngineAction, phase: 'started' | 'completed', ok?: boolean): void;
    view(): ProgressView;
    /** Stops editing; the caller then edits the message one last time (summary or notice). */
    stop(): Promise<void>;
}
