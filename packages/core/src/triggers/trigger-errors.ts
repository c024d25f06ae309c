import { FerryError } from '../errors/ferry-error.js';

/*
 * Errors of the TriggerManager. Webhook errors carry the HTTP status they are answered with;
 * the response body is `{ "error": { "code", "message" } }`. Each code is in docs/errors.md.
 */

/** A webhook call refused with an HTTP status; the handler answers it, nothing is journaled. */
export abstract class WebhookError extends FerryError {
  abstract readonly status: number;
  /** Extra response headers (`Retry-After`, `Allow`). */
  readonly headers: Readonly<Record<string, string>> = {};
}

export class WebhookNotFoundError extends WebhookError {
  readonly code = 'FERRY_WEBHOOK_NOT_FOUND';
  readonly status = 404;
}

export class WebhookMethodError extends WebhookError {
  readonly code = 'FERRY_WEBHOOK_METHOD';
  readonly status = 405;
  override readonly headers = { allow: 'POST' };
}

export class WebhookAuthError extends WebhookError {
  readonly code = 'FERRY_WEBHOOK_AUTH';
  readonly status = 401;
}

/** `auth = "none"` on an address other than loopback, without `allow_unauthenticated`. */
export class WebhookUnauthenticatedError extends WebhookError {
  readonly code = 'FERRY_WEBHOOK_UNAUTHENTICATED';
  readonly status = 403;
}

export class WebhookRateLimitError extends WebhookError {
  readonly code = 'FERRY_WEBHOOK_RATE_LIMITED';
  readonly status = 429;
  override readonly headers: Readonly<Record<string, string>>;
  constructor(message: string, retryAfterMs: number) {
    super(message);
    this.headers = { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) };
  }
}

export class WebhookBodyTooLargeError extends WebhookError {
  readonly code = 'FERRY_WEBHOOK_BODY_TOO_LARGE';
  readonly status = 413;
}

export class WebhookBadBodyError extends WebhookError {
  readonly code = 'FERRY_WEBHOOK_BAD_BODY';
  readonly status = 400;
}

export class WebhookMediaTypeError extends WebhookError {
  readonly code = 'FERRY_WEBHOOK_MEDIA_TYPE';
  readonly status = 415;
}

/** A `file_write` webhook whose file would land outside `[triggers] file_dir` (or none is set). */
export class WebhookFilePathError extends WebhookError {
  readonly code = 'FERRY_WEBHOOK_FILE_PATH';
  readonly status = 500;
}

/** The trigger's chat is on a transport that is not running; nothing is journaled. */
export class TriggerTargetError extends WebhookError {
  readonly code = 'FERRY_TRIGGER_TARGET_UNAVAILABLE';
  readonly status = 503;
}

/** The webhook server could not listen; the daemon runs on without it. */
export class WebhookBindError extends FerryError {
  readonly code = 'FERRY_WEBHOOK_BIND';
}

/** `/at` was used wrongly (bad delay, no prompt, unknown id); answered in chat. */
export class AtUsageError extends FerryError {
  readonly code = 'FERRY_TRIGGER_AT_USAGE';
}

/** A chat already has `[triggers] at_max_per_chat` pending `/at` jobs. */
export class AtLimitError extends FerryError {
  readonly code = 'FERRY_TRIGGER_AT_LIMIT';
}
