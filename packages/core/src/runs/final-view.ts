import type { EngineEvent } from '../api/engine.js';
import type { FinalView } from '../api/presenter.js';
import type { RunJob } from './run-job.js';

export interface FinalFacts {
  readonly cancelled: boolean;
  readonly model: string | undefined;
  readonly resumeLine: string | undefined;
  readonly durationMs: number;
  readonly steps: number;
}

/** What the answer and its footer show, from the engine's `completed` (absent when it never came). */
export function finalView(
  job: RunJob,
  final: Extract<EngineEvent, { type: 'completed' }> | undefined,
  f: FinalFacts,
): FinalView {
  return {
    engine: job.engine,
    ...(f.model ? { model: f.model } : {}),
    ok: !f.cancelled && (final?.ok ?? false),
    answer: f.cancelled ? '' : (final?.answer ?? ''),
    ...(f.cancelled ? { error: 'cancelled' } : final?.error ? { error: final.error } : {}),
    durationMs: f.durationMs,
    steps: f.steps,
    ...(final?.usage ? { usage: final.usage } : {}),
    ...(job.source ? { source: job.source } : {}),
    ...(f.resumeLine ? { resumeLine: f.resumeLine } : {}),
  };
}
