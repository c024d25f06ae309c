import { FerryError } from '@ferry/core';

/*
 * The Telegram transport's errors. Each code is in docs/errors.md with its fix. They follow
 * grammY's split (STYLE §1): the server said no (unauthorized, conflict, rejected) versus it
 * could not be reached (unreachable); only the latter, 429 and 5xx are retried.
 */

/** Telegram answered 401: the bot token is wrong or was revoked. */
export class TelegramUnauthorizedError extends FerryError {
  readonly code = 'FERRY_TELEGRAM_UNAUTHORIZED';
}

/** Telegram answered 409: another process polls updates for the same bot token. */
export class TelegramConflictError extends FerryError {
  readonly code = 'FERRY_TELEGRAM_CONFLICT';
}

/** Telegram refused a request for good (400/403/404): retrying would not help. */
export class TelegramRejectedError extends FerryError {
  readonly code = 'FERRY_TELEGRAM_REJECTED';
  constructor(
    readonly method: string,
    readonly errorCode: number,
    readonly description: string,
    options?: ErrorOptions,
  ) {
    super(`telegram ${method} failed: ${errorCode} ${description}`, options);
  }
}

/** Telegram could not be reached, or kept answering 5xx, through every retry. */
export class TelegramUnreachableError extends FerryError {
  readonly code = 'FERRY_TELEGRAM_UNREACHABLE';
}

/** A queued request was dropped because the transport stopped before it could go out. */
export class TelegramStoppedError extends FerryError {
  readonly code = 'FERRY_TELEGRAM_STOPPED';
}

/** A chat address that is not a Telegram chat (`telegram:<chat id>[:<topic id>]`). */
export class TelegramChatAddressError extends FerryError {
  readonly code = 'FERRY_TELEGRAM_CHAT_ADDRESS';
}

/** An attachment could not be downloaded (too big for the Bot API, or gone). */
export class TelegramDownloadError extends FerryError {
  readonly code = 'FERRY_TELEGRAM_DOWNLOAD';
}
