import { FerryError } from '@ferry/core';

/*
 * The Slack transport's errors, each with a stable code documented in docs/errors.md.
 * Split by where they failed (STYLE §1): Slack said no, Slack could not be reached, or a
 * request that claims to come from Slack does not prove it.
 */

/** A Web API call answered `ok: false` (or could not be made); `slackError` is Slack's code. */
export class SlackApiError extends FerryError {
  readonly code = 'FERRY_SLACK_API';
  constructor(
    readonly method: string,
    readonly slackError: string,
    options?: ErrorOptions,
  ) {
    super(`slack: ${method} failed: ${slackError}`, options);
  }
}

/** auth.test refused the bot token at start: the transport cannot work at all. */
export class SlackAuthError extends FerryError {
  readonly code = 'FERRY_SLACK_AUTH';
}

/** Socket Mode could not connect, or the HTTP-mode server could not listen. */
export class SlackConnectError extends FerryError {
  readonly code = 'FERRY_SLACK_CONNECT';
}

/** An HTTP-mode request had no valid signature or a stale timestamp; it was answered 401. */
export class SlackSignatureError extends FerryError {
  readonly code = 'FERRY_SLACK_SIGNATURE';
}

/** A file a user attached could not be fetched (files.info or its `url_private`). */
export class SlackDownloadError extends FerryError {
  readonly code = 'FERRY_SLACK_DOWNLOAD';
}
