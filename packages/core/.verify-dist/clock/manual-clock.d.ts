import type { Clock } from './clock.js';
/** A clock that moves only when a test says so. Exported through `@ferry/core/testing`. */
export declare class ManualClock implements Clock {
    #private;
    constructor(start?: number);
    now(): number;
    /** Number of sleeps waiting; lets a test wait until the code under test is parked on the clock. */
    get pending(): number;
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
    /** Moves time forward and wakes every sleeper that is due, in time order. */
    advance(ms: number): Promise<void>;
}
