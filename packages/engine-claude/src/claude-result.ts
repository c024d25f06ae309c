import type { EngineEvent, FerryError, JsonObject, Usage } from '@ferry/core';
import { ClaudeApiError, ClaudeRunFailedError } from './claude-errors.js';

export type Completed = Extract<EngineEvent, { type: 'completed' }>;

export interface ResultContext {
  /** The last top-level assistant text: the answer when the result has none. */
  readonly lastText: string;
  readonly resume: string | undefined;
  readonly costUsd: number | undefined;
}

/**
 * claude's `result` line as the run's end. Note that an API failure arrives as
 * `subtype: "success"` with `is_error: true` and `api_error_status`; `result.result` then
 * holds the error text, which becomes the error (not also the answer, to say it once).
 */
export function completedFromResult(
  result: JsonObject,
  ctx: ResultContext,
): { readonly event: Completed; readonly error?: FerryError } {
  const text = typeof result.result === 'string' ? result.result : undefined;
  const base = {
    type: 'completed' as const,
    ...(ctx.resume ? { resume: ctx.resume } : {}),
    usage: usageOf(result, ctx.costUsd),
  };
  const isError = result.is_error === true || result.subtype !== 'success';
  if (!isError) return { event: { ...base, ok: true, answer: text ?? ctx.lastText } };

  const status = result.api_error_status;
  if (typeof status === 'number') {
    const type = typeof result.api_error_type === 'string' ? ` (${result.api_error_type})` : '';
    const error = new ClaudeApiError(`Claude API error ${status}${type}: ${text ?? 'no message'}`);
    return { event: { ...base, ok: false, answer: '', error: error.message }, error };
  }
  const reason = typeof result.terminal_reason === 'string' ? ` (${result.terminal_reason})` : '';
  const error = new ClaudeRunFailedError(
    `claude ended the turn with ${String(result.subtype ?? 'an error')}${reason}${text ? `: ${text}` : ''}`,
  );
  return { event: { ...base, ok: false, answer: text ? '' : ctx.lastText, error: error.message }, error };
}

/**
 * `usage` covers this turn only. Input counts every prompt token the model read: claude
 * reports cache reads and cache writes apart from `input_tokens`, and on a long session
 * `input_tokens` alone is a handful while the cache reads are tens of thousands.
 */
function usageOf(result: JsonObject, costUsd: number | undefined): Usage {
  const u = (typeof result.usage === 'object' && result.usage !== null ? result.usage : {}) as Record<
    string,
    unknown
  >;
  const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
  const input = num(u.input_tokens);
  const inputTokens =
    input === undefined
      ? undefined
      : input + (num(u.cache_creation_input_tokens) ?? 0) + (num(u.cache_read_input_tokens) ?? 0);
  const outputTokens = num(u.output_tokens);
  return {
    ...(inputTokens !== undefined ? { inputTokens } : {}),
    ...(outputTokens !== undefined ? { outputTokens } : {}),
    ...(costUsd !== undefined ? { costUsd } : {}),
  };
}
