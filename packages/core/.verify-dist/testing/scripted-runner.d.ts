import type { EngineEvent, Runner, RunRequest } from '../api/engine.js';
/** One step of a script: an event to emit, or a pause that ends early when the run is aborted. */
export type ScriptStep = EngineEvent | {
    readonly type: 'wait';
    readonly until: Promise<void>;
};
/**
 * A Runner that plays a script per request, for tests of hosts and transports. An aborted run
 * stops at its current step and completes with `ok: false` like a real engine killed mid-run.
 */
export declare class ScriptedRunner implements Runner {
    private readonly script;
    readonly requests: RunRequest[];
    constructor(script: (req: RunRequest) => readonly ScriptStep[]);
    readonly resume: {
        format: (t: string) => string;
        extract: (text: string) => string | undefined;
    };
    run(req: RunRequest, signal: AbortSignal): AsyncIterable<EngineEvent>;
}
/** started → one action → completed with `answer`: the shortest well-behaved run. */
export declare function simpleScript(answer: string, resume?: string): ScriptStep[];
