import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logging/logger.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { Outbox } from './outbox.js';
/**
 * Keeps trying answers whose first send failed (platform down, rate limited past the
 * transport's own retries), with backoff, until they go out; and flushes them one last time
 * when the daemon stops. Items are only ever sent by one path at a time.
 */
export declare class OutboxSender {
    #private;
    private readonly outbox;
    private readonly hub;
    private readonly clock;
    private readonly log;
    constructor(outbox: Outbox, hub: TransportHub, clock: Clock, log: Logger);
    start(): void;
    /** Sends what is pending; returns how many are still pending (failed again). */
    sendPending(marker?: string): Promise<number>;
    /** PERSIST: one bounded last attempt, then the loop ends; what is left goes at the next start. */
    stop(boundMs: number): Promise<void>;
}
