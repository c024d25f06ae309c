import { describeExit, type FerryError, type RunEnd, summarizeStderr } from '@ferry/core';
import { CodexExitedError, CodexNoOutputError, CodexTurnFailedError } from './codex-errors.js';

/**
 * The reason for a run that ended without `turn.completed`/`turn.failed`. An `error` event
 * seen before the end is the reason; otherwise `sawEvent` separates a CLI that refused its
 * command line (clap's `error: unexpected argument …`, exit 2) from one that died mid-run.
 */
export function describeRunEnd(
  end: RunEnd,
  sawEvent: boolean,
  lastError: string | undefined,
): { readonly message: string; readonly error?: FerryError } {
  if (end.kind === 'cancelled') return { message: 'cancelled' };
  if (end.kind === 'failed') return { message: end.error };
  if (lastError !== undefined) {
    const error = new CodexTurnFailedError(`codex turn failed: ${lastError}`);
    return { message: error.message, error };
  }
  const how = describeExit(end);
  const tail = summarizeStderr(end.stderr);
  const said = tail ? `: ${tail}` : '';
  if (!sawEvent) {
    const error = new CodexNoOutputError(
      `codex ${how} without printing any event${said} — check engines.codex.path (a codex CLI with \`exec --json\`) and engines.codex.extra_args`,
    );
    return { message: error.message, error };
  }
  const error = new CodexExitedError(`codex ${how} before the turn ended${said}`);
  return { message: error.message, error };
}
