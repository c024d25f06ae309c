import { FerryError } from '@ferry/core';

/*
 * Why a claude run failed. The message becomes the run's `completed.error` (shown in chat);
 * the class and code go to the log. Each code is in docs/errors.md with its fix.
 */

/** The model API refused the request after claude's own retries (`api_error_status`). */
export class ClaudeApiError extends FerryError {
  readonly code = 'FERRY_CLAUDE_API_ERROR';
}

/** claude ended the turn with an error result that is not an API error (aborted, turn limit). */
export class ClaudeRunFailedError extends FerryError {
  readonly code = 'FERRY_CLAUDE_RUN_FAILED';
}

/** The process ended (crash, kill, SIGTERM from outside) after it started, without a result. */
export class ClaudeExitedError extends FerryError {
  readonly code = 'FERRY_CLAUDE_EXITED';
}

/** The process exited with an error before printing any event: usually a rejected command line. */
export class ClaudeNoOutputError extends FerryError {
  readonly code = 'FERRY_CLAUDE_NO_OUTPUT';
}
