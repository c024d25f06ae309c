import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
export type RunState = 'running' | 'interrupted' | 'finished' | 'recovered';
export interface RunRecord {
    readonly id: number;
    readonly seq?: number;
    readonly session: string;
    readonly chat: ChatAddress;
    readonly engine: string;
    readonly prompt: string;
    readonly cwd: string;
    readonly resume?: string;
    readonly progress?: MessageRef;
    readonly replyTo?: MessageRef;
    readonly source?: string;
    readonly steps: number;
    readonly state: RunState;
    readonly startedAt: number;
    readonly resumeAttempts: number;
}
export type NewRun = Omit<RunRecord, 'id' | 'state' | 'startedAt' | 'steps' | 'resumeAttempts' | 'resume'> & {
    readonly resume?: string;
    readonly resumeAttempts?: number;
};
/**
 * Durable record of every run in flight. Rows left `running` by a crash or marked
 * `interrupted` by a drain are the restart manifest the next generation reads.
 */
export declare class RunLedger {
    private readonly store;
    private readonly clock;
    constructor(store: StateStore, clock: Clock);
    open(run: NewRun): number;
    update(id: number, patch: {
        resume?: string;
        progress?: MessageRef;
        steps?: number;
    }): void;
    close(id: number, state: Exclude<RunState, 'running'>): void;
    /** Runs the previous generation did not finish: interrupted by a drain, or still `running` after a crash. */
    unfinished(): RunRecord[];
    /** The most recent interrupted run of a session that `/continue` can pick up. */
    lastRecovered(session: string): RunRecord | undefined;
    get(id: number): RunRecord | undefined;
}
