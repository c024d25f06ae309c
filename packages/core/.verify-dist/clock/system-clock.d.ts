import type { Clock } from './clock.js';
export declare class SystemClock implements Clock {
    now(): number;
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
