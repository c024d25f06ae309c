import { FerryError } from '@ferry/core';

/*
 * The webchat transport's errors; each code is in docs/errors.md with its fix. The HTTP ones
 * carry the status the page gets, and their code goes into the JSON body so the page (and a
 * script) branches on the code: 401/400 are final, 503 means "try again".
 */

/** The server could not listen on `host:port` (port taken, address not on this machine). */
export class WebchatListenError extends FerryError {
  readonly code = 'FERRY_WEBCHAT_LISTEN';
}

/** `edit`/`delete` named a message this chat's log does not hold (never sent, or aged out). */
export class WebchatMessageNotFoundError extends FerryError {
  readonly code = 'FERRY_WEBCHAT_MESSAGE_NOT_FOUND';
}

/** A request the page may not repeat as is: the status says how the server answered. */
export abstract class WebchatHttpError extends FerryError {
  abstract readonly status: number;
}

/** No token, or a wrong one (header, cookie or `?token=`). Nothing was accepted. */
export class WebchatUnauthorizedError extends WebchatHttpError {
  readonly code = 'FERRY_WEBCHAT_UNAUTHORIZED';
  readonly status = 401;
}

/** A request that can never succeed as sent: bad JSON, chat id, message id, or text too long. */
export class WebchatBadRequestError extends WebchatHttpError {
  readonly code = 'FERRY_WEBCHAT_BAD_REQUEST';
  readonly status = 400;
}

/** Not receiving (starting, stopping) or the journal refused: the page retries the same message. */
export class WebchatUnavailableError extends WebchatHttpError {
  readonly code = 'FERRY_WEBCHAT_UNAVAILABLE';
  readonly status = 503;
}
