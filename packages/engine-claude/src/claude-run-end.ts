import type { FerryError } from '@ferry/core';
import { ClaudeExitedError, ClaudeNoOutputError } from './claude-errors.js';

/** How a run ended when the stream itself did not say (no `result` line). */
export type RunEnd =
  | {
      readonly kind: 'exited';
      readonly code: number | null;
      readonly signal: string | null;
      readonly stderr: string;
    }
  | { readonly kind: 'cancelled' }
  /** The process could not be started; `error` already says why and what to change. */
  | { readonly kind: 'failed'; readonly error: string };

const STDERR_LINES = 3;
const STDERR_CHARS = 600;

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
  const how = end.signal
    ? `was killed by ${end.signal}`
    : `exited with code ${end.code}${end.code === 143 ? ' (SIGTERM)' : ''}`;
  const tail = stderrTail(end.stderr);
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

function stderrTail(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const tail = lines.slice(-STDERR_LINES).join('\n');
  return tail.length > STDERR_CHARS ? `…${tail.slice(-STDERR_CHARS)}` : tail;
}
