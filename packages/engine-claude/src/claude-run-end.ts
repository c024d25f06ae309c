import { describeExit, type FerryError, type RunEnd, summarizeStderr } from '@ferry/core';
import { ClaudeExitedError, ClaudeNoOutputError } from './claude-errors.js';

/**
 * The reason for a run that ended without a result. `sawEvent` separates a CLI that refused
 * its command line (nothing on stdout, e.g. `--output-format=stream-json requires --verbose`)
 * from one that died mid-run.
 */
export function describeRunEnd(
  end: RunEnd,
  sawEvent: boolean,
): { readonly message: string; readonly error?: FerryError } {
  if (end.kind === 'cancelled') return { message: 'cancelled' };
  if (end.kind === 'failed') return { message: end.error };
  const how = describeExit(end);
  const tail = summarizeStderr(end.stderr);
  const said = tail ? `: ${tail}` : '';
  if (!sawEvent) {
    const error = new ClaudeNoOutputError(
      `claude ${how} without printing any event${said} — check engines.claude.path (a Claude Code CLI that supports --output-format stream-json) and engines.claude.extra_args`,
    );
    return { message: error.message, error };
  }
  const error = new ClaudeExitedError(`claude ${how} before its result${said}`);
  return { message: error.message, error };
}
