import { GrammyError, HttpError } from 'grammy';
import { TelegramRejectedError } from './telegram-errors.js';

/** How a failed Bot API call should be handled; decided by class and error code (STYLE §1). */
export type Failure =
  | { readonly kind: 'flood'; readonly retryAfterMs: number; readonly description: string }
  | { readonly kind: 'transient'; readonly description: string }
  | { readonly kind: 'unauthorized'; readonly description: string }
  | { readonly kind: 'conflict'; readonly description: string }
  | { readonly kind: 'rejected'; readonly code: number; readonly description: string };

export function classifyFailure(err: unknown): Failure {
  if (err instanceof GrammyError) {
    const description = err.description;
    if (err.error_code === 429) {
      // Telegram always names the wait; a missing one still must not turn into a hot loop
      const seconds = err.parameters.retry_after ?? 1;
      return { kind: 'flood', retryAfterMs: Math.max(1, seconds) * 1000, description };
    }
    if (err.error_code === 401) return { kind: 'unauthorized', description };
    if (err.error_code === 409) return { kind: 'conflict', description };
    if (err.error_code >= 500) return { kind: 'transient', description };
    return { kind: 'rejected', code: err.error_code, description };
  }
  if (err instanceof HttpError) return { kind: 'transient', description: String(err.message) };
  return { kind: 'transient', description: err instanceof Error ? err.message : String(err) };
}

/*
 * Telegram gives these outcomes one code (400) and tells them apart only by text
 * (PLATFORMS.md), so text is all there is to branch on.
 */
function rejectedWith(err: unknown, pattern: RegExp): boolean {
  return err instanceof TelegramRejectedError && err.errorCode === 400 && pattern.test(err.description);
}

export const isNotModified = (err: unknown) => rejectedWith(err, /message is not modified/);
export const isParseError = (err: unknown) => rejectedWith(err, /can't parse entities/);
export const isGone = (err: unknown) =>
  rejectedWith(err, /message to (?:delete|edit) not found|message can't be deleted/);
export const isQueryTooOld = (err: unknown) => rejectedWith(err, /query is too old/);
