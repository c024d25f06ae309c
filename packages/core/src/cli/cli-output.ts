import { UsageError } from '../errors/codes.js';
import { isFerryError } from '../errors/ferry-error.js';

/** Exit codes (DESIGN §5): 0 ok, 1 error (one `error:` line), 2 usage. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_USAGE = 2;

/** Prints one `error:` line for a failure and returns the exit code it deserves. */
export function reportFailure(err: unknown, stderr: NodeJS.WritableStream = process.stderr): number {
  const message = err instanceof Error ? err.message : String(err);
  // a multi-issue config error keeps its extra lines: they name further file:line: key problems
  stderr.write(`error: ${message}\n`);
  if (err instanceof UsageError) return EXIT_USAGE;
  if (!isFerryError(err) && process.env.FERRY_DEBUG) stderr.write(`${(err as Error).stack ?? ''}\n`);
  return EXIT_ERROR;
}
