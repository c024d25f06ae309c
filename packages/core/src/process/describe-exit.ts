const STDERR_LINES = 3;
const STDERR_CHARS = 600;

/** "exited with code 143 (SIGTERM)" / "was killed by SIGKILL": how an engine process ended, for messages. */
export function describeExit(exit: { readonly code: number | null; readonly signal: string | null }): string {
  if (exit.signal) return `was killed by ${exit.signal}`;
  // 128 + n is how a process that handled signal n reports it (claude exits 143 on SIGTERM)
  return `exited with code ${exit.code}${exit.code === 143 ? ' (SIGTERM)' : ''}`;
}

/** The last few non-empty stderr lines, bounded: enough to say why in a chat message. */
export function summarizeStderr(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const tail = lines.slice(-STDERR_LINES).join('\n');
  return tail.length > STDERR_CHARS ? `…${tail.slice(-STDERR_CHARS)}` : tail;
}
