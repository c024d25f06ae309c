import { FerryError } from '@ferry/core';

/*
 * Why a codex run failed. The message becomes the run's `completed.error` (shown in chat);
 * the class and code go to the log. Each code is in docs/errors.md with its fix.
 */

/** codex reported the turn failed (`error` + `turn.failed`): API refusal, stream cut, retries spent. */
export class CodexTurnFailedError extends FerryError {
  readonly code = 'FERRY_CODEX_TURN_FAILED';
}

/** The process ended (crash, kill, SIGTERM from outside) after it started, before the turn ended. */
export class CodexExitedError extends FerryError {
  readonly code = 'FERRY_CODEX_EXITED';
}

/** The process exited before printing any event: usually a rejected command line or config. */
export class CodexNoOutputError extends FerryError {
  readonly code = 'FERRY_CODEX_NO_OUTPUT';
}
