import type { Clock } from '../clock/clock.js';
export interface RequestDaemonOptions {
    /** How long to wait for the answer, connect included. */
    readonly timeoutMs?: number;
    /** Named in "not running" messages instead of the state dir; the user knows their config path. */
    readonly configPath?: string;
    readonly clock?: Clock;
    readonly signal?: AbortSignal;
}
/**
 * Sends one op to the daemon of the config whose directory is `stateDir` and returns its result.
 * Throws DaemonNotRunningError when no daemon listens, DaemonTimeoutError when it does not
 * answer in time, and the daemon's own error (same code) when the op failed there.
 */
export declare function requestDaemon(stateDir: string, op: string, args?: Readonly<Record<string, unknown>>, options?: RequestDaemonOptions): Promise<unknown>;
