import type { Lifecycle } from '../api/lifecycle.js';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logging/logger.js';
import type { RunService } from '../runs/run-service.js';
import type { Notifier } from '../supervisor/notifier.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { HostState } from './host-state.js';
export interface RestartRequest {
    readonly reason: string;
    /** Do not wait for runs (`/restart --force`, a second SIGTERM). */
    readonly force?: boolean;
    /** The session that asked (`/restart` from a chat): its own run is not waited for. */
    readonly session?: string;
    /**
     * A stop that is known not to come back (the console's input ended): chats are told
     * "stopping". A SIGTERM may be either, and systemd usually restarts, so it says "restarting".
     */
    readonly final?: boolean;
}
export interface RestartOutcome {
    readonly reason: string;
    readonly waited: number;
    readonly interrupted: number;
}
export interface CoordinatorDeps {
    readonly clock: Clock;
    readonly log: Logger;
    readonly runs: RunService;
    readonly hub: TransportHub;
    readonly notifier: Notifier;
    readonly drainTimeoutMs: () => number;
    /** A run silent this long is stuck: the drain stops waiting for it before the deadline. */
    readonly stuckAfterMs: () => number;
    /** Other participants (plugins, services) whose own work counts in the drain. */
    readonly participants: () => readonly {
        owner: string;
        hooks: Lifecycle;
    }[];
}
/**
 * RUNNING → DRAINING → (PERSIST, done by the host) → EXIT. One restart at a time: a second
 * request joins the first (a `force` one cuts its wait short).
 */
export declare class RestartCoordinator {
    #private;
    private readonly d;
    constructor(d: CoordinatorDeps);
    get state(): HostState;
    get draining(): boolean;
    markRunning(): void;
    markStopping(): void;
    /** Resolves when the drain is over and the host may persist and exit. */
    request(req: RestartRequest): Promise<RestartOutcome>;
    /** The drain in progress, if one was requested. */
    get requested(): Promise<RestartOutcome> | undefined;
    /** Settles when the first restart request has drained: the host then persists and exits. */
    get drained(): Promise<RestartOutcome>;
}
