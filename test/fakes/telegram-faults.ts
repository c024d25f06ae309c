import { ApiFailure } from './telegram-fake-state.js';

/** An error to answer instead of handling a request (the request then has no effect). */
export interface Fault {
  readonly method: string;
  readonly status: number;
  readonly description?: string;
  /** Seconds, for 429 (`parameters.retry_after`). */
  readonly retryAfter?: number;
  /** How many matching requests fail; default 1. */
  times?: number;
  readonly when?: (params: Record<string, unknown>) => boolean;
}

/**
 * Throws the first matching fault (the request then has no effect, as when Telegram refuses
 * it), counting it down.
 */
export function injectFault(faults: Fault[], method: string, params: Record<string, unknown>): void {
  const i = faults.findIndex(
    (f) =>
      f.method.toLowerCase() === method.toLowerCase() && (f.times ?? 1) > 0 && (!f.when || f.when(params)),
  );
  if (i < 0) return;
  const f = faults[i]!;
  f.times = (f.times ?? 1) - 1;
  if (f.times <= 0) faults.splice(i, 1);
  if (f.status === 429) {
    const retryAfter = f.retryAfter ?? 1;
    throw new ApiFailure(429, f.description ?? `Too Many Requests: retry after ${retryAfter}`, {
      retry_after: retryAfter,
    });
  }
  throw new ApiFailure(
    f.status,
    f.description ?? (f.status >= 500 ? 'Internal Server Error' : 'Bad Request: injected'),
  );
}
