import type { Usage } from '../api/engine.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
export interface DailyCost {
    readonly day: string;
    readonly engine: string;
    readonly runs: number;
    readonly costUsd: number;
    readonly inputTokens: number;
    readonly outputTokens: number;
}
/** Per-day, per-engine totals that survive restarts (UTC days). */
export declare class CostLedger {
    #private;
    private readonly store;
    private readonly clock;
    constructor(store: StateStore, clock: Clock);
    add(engine: string, usage: Usage | undefined): void;
    today(): DailyCost[];
}
