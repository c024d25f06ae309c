import { onTestFinished, vi } from 'vitest';

export interface SseEvent {
  readonly id?: string;
  readonly event: string;
  readonly data: string;
}

/** A server-sent-event reader over fetch, as EventSource would parse it; closed when the test ends. */
export async function openSse(url: string, headers: Record<string, string> = {}) {
  const abort = new AbortController();
  onTestFinished(() => abort.abort());
  const res = await fetch(url, { headers, signal: abort.signal });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let ended = false;
  const reading = (async () => {
    if (!res.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          const fields: Record<string, string> = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) comments.push(line);
            const m = /^(\w+): ?(.*)$/.exec(line);
            if (m) fields[m[1]!] = m[2]!;
          }
          if (fields.data !== undefined) {
            events.push({
              event: fields.event ?? 'message',
              data: fields.data,
              ...(fields.id ? { id: fields.id } : {}),
            });
          }
        }
      }
    } catch {
      // aborted by the test
    }
    ended = true;
  })();
  return {
    res,
    events,
    comments,
    get ended() {
      return ended;
    },
    reading,
    /** The `message` events' payloads (log records). */
    records: () =>
      events.filter((e) => e.event === 'message').map((e) => ({ ...JSON.parse(e.data), eventId: e.id })),
    waitFor: (predicate: () => boolean, what = 'the expected events') =>
      vi.waitFor(
        () => {
          if (!predicate()) throw new Error(`no ${what} yet: ${JSON.stringify(events)}`);
        },
        { timeout: 5000 },
      ),
    close: () => abort.abort(),
  };
}
