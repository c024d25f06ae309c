import type { Clock, Logger } from '@ferry/core';
import { classifyFailure } from './classify-failure.js';
import {
  TelegramConflictError,
  TelegramRejectedError,
  TelegramUnauthorizedError,
  TelegramUnreachableError,
} from './telegram-errors.js';

/** A stuck 429 must end some time: after this many waits the request fails. */
const MAX_FLOOD_WAITS = 10;

export interface RetryOptions {
  readonly clock: Clock;
  readonly log: Logger;
  readonly method: string;
  readonly signal: AbortSignal;
  readonly baseMs: number;
  readonly maxMs: number;
  readonly maxAttempts: number;
  /** Awaited before every attempt, retries included (pacing). */
  readonly beforeAttempt?: () => Promise<void>;
  /** Called after every attempt, whatever its outcome. */
  readonly afterAttempt?: () => void;
}

/** Exponential backoff: base, 2·base, 4·base … capped. */
export function backoffMs(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}

/**
 * One Bot API call with Telegram's retry rules: 429 waits exactly `retry_after` (on the
 * injected clock), network errors and 5xx back off exponentially, everything else fails at
 * once as a typed error. Telegram's own 400 texts are left to the caller (`cause`).
 */
export async function callWithRetry<T>(call: () => Promise<T>, o: RetryOptions): Promise<T> {
  let failures = 0;
  let floods = 0;
  for (;;) {
    o.signal.throwIfAborted();
    await o.beforeAttempt?.();
    try {
      const result = await call();
      o.afterAttempt?.();
      return result;
    } catch (err) {
      o.afterAttempt?.();
      if (o.signal.aborted) throw o.signal.reason;
      const f = classifyFailure(err);
      if (f.kind === 'flood' && ++floods <= MAX_FLOOD_WAITS) {
        o.log.warn(
          { method: o.method, retryAfterMs: f.retryAfterMs },
          'telegram: flood control (429), waiting',
        );
        await o.clock.sleep(f.retryAfterMs, o.signal);
        continue;
      }
      if (f.kind === 'transient' && ++failures < o.maxAttempts) {
        const wait = backoffMs(failures, o.baseMs, o.maxMs);
        o.log.debug({ method: o.method, wait, problem: f.description }, 'telegram: request failed, retrying');
        await o.clock.sleep(wait, o.signal);
        continue;
      }
      throw toFerryError(o.method, f, err);
    }
  }
}

function toFerryError(method: string, f: ReturnType<typeof classifyFailure>, cause: unknown): Error {
  switch (f.kind) {
    case 'unauthorized':
      return new TelegramUnauthorizedError(
        'telegram: the bot token was rejected (401 Unauthorized); set transports.telegram.bot_token to the token BotFather gave',
        { cause },
      );
    case 'conflict':
      return new TelegramConflictError(`telegram ${method}: ${f.description}`, { cause });
    case 'rejected':
      return new TelegramRejectedError(method, f.code, f.description, { cause });
    default:
      return new TelegramUnreachableError(`telegram ${method}: gave up after retries: ${f.description}`, {
        cause,
      });
  }
}
