import type { JsonObject, PluginStore, Usage } from '@ferry/core';

interface Totals {
  readonly input: number;
  readonly output: number;
}

/**
 * Token usage of one run. `turn.completed.usage` sums every model response of the thread so
 * far: after a resume it includes all earlier runs (20 → 40 → 60 input tokens over three
 * runs). Ferry reports each run alone, as the delta against the totals it last saw for the
 * thread, kept in the plugin store. A failed turn reports no usage, so its tokens land in the
 * next run's delta. A resumed thread Ferry has no record of (resumed elsewhere, store lost)
 * gets no usage rather than the whole thread's. codex reports no cost.
 *
 * `input_tokens` already includes `cached_input_tokens`; `output_tokens` includes reasoning.
 */
export class CodexThreadUsage {
  constructor(private readonly store: PluginStore) {}

  usageOfRun(threadId: string | undefined, usage: unknown, resumed: boolean): Usage | undefined {
    const u = (typeof usage === 'object' && usage !== null ? usage : {}) as JsonObject;
    if (typeof u.input_tokens !== 'number' || typeof u.output_tokens !== 'number') return undefined;
    const now: Totals = { input: u.input_tokens, output: u.output_tokens };
    if (!threadId) return resumed ? undefined : { inputTokens: now.input, outputTokens: now.output };
    const key = `thread-usage:${threadId}`;
    const before = this.store.get<Totals>(key);
    if (before && (now.input < before.input || now.output < before.output)) {
      // totals went down: not the thread we recorded (ids reused by another codex home)
      this.store.set(key, now);
      return undefined;
    }
    this.store.set(key, now);
    if (before) return { inputTokens: now.input - before.input, outputTokens: now.output - before.output };
    return resumed ? undefined : { inputTokens: now.input, outputTokens: now.output };
  }
}
