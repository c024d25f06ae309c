import type { EngineEvent, Runner, RunRequest } from '../api/engine.js';

/** One step of a script: an event to emit, or a pause that ends early when the run is aborted. */
export type ScriptStep = EngineEvent | { readonly type: 'wait'; readonly until: Promise<void> };

/**
 * A Runner that plays a script per request, for tests of hosts and transports. An aborted run
 * stops at its current step and completes with `ok: false` like a real engine killed mid-run.
 */
export class ScriptedRunner implements Runner {
  readonly requests: RunRequest[] = [];

  constructor(private readonly script: (req: RunRequest) => readonly ScriptStep[]) {}

  readonly resume = {
    format: (t: string) => `resume ${t}`,
    extract: (text: string) => /resume (\S+)/.exec(text)?.[1],
  };

  async *run(req: RunRequest, signal: AbortSignal): AsyncIterable<EngineEvent> {
    this.requests.push(req);
    for (const step of this.script(req)) {
      if (signal.aborted) break;
      if (step.type === 'wait') {
        await Promise.race([
          step.until,
          new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true })),
        ]);
        continue;
      }
      yield step;
    }
    if (signal.aborted) yield { type: 'completed', ok: false, answer: '', error: 'cancelled' };
  }
}

/** started → one action → completed with `answer`: the shortest well-behaved run. */
export function simpleScript(answer: string, resume = 'sess-1'): ScriptStep[] {
  return [
    { type: 'started', resume, meta: { model: 'test-model' } },
    { type: 'action', action: { id: 'a1', kind: 'command', title: '$ ls' }, phase: 'started' },
    { type: 'action', action: { id: 'a1', kind: 'command', title: '$ ls' }, phase: 'completed', ok: true },
    { type: 'completed', ok: true, answer, usage: { inputTokens: 10, outputTokens: 5, costUsd: 0.01 } },
  ];
}
