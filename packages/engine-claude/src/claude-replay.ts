/**
 * The control requests Ferry already answered, read from what it wrote to the engine's stdin
 * (live restore keeps that record). A re-attached run re-reads the engine's whole output, and
 * a request answered by the previous generation must not be asked again.
 */
export function answeredRequests(previousInput: string): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const line of previousInput.split('\n')) {
    if (!line.includes('control_response')) continue;
    try {
      const msg = JSON.parse(line) as { type?: string; response?: { request_id?: unknown } };
      if (msg.type === 'control_response' && typeof msg.response?.request_id === 'string')
        ids.add(msg.response.request_id);
    } catch {
      // a line cut short by a crash answered nothing
    }
  }
  return ids;
}

/** True for a `control_request` line whose id is in `answered`. */
export function isAnswered(line: unknown, answered: ReadonlySet<string>): boolean {
  const msg = line as { type?: string; request_id?: unknown };
  return (
    msg?.type === 'control_request' && typeof msg.request_id === 'string' && answered.has(msg.request_id)
  );
}
