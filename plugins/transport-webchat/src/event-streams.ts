import type { ServerResponse } from 'node:http';
import type { LogRecord } from './chat-log.js';

interface Stream {
  readonly chat: string;
  readonly res: ServerResponse;
  /** Highest seq written to this stream: a change already in the catch-up is not sent twice. */
  sent: number;
}

/** How long EventSource waits before reconnecting; short, so a restarted daemon is found fast. */
const RETRY_MS = 1000;

/**
 * The open server-sent-event streams, one per page. A stream starts with every change the page
 * missed (from `Last-Event-ID` or `?since=`), then gets changes as they are written. Each event
 * id is the record's seq, so EventSource's own reconnect resumes where it left off.
 */
export class EventStreams {
  readonly #streams = new Set<Stream>();

  /**
   * Opens a stream for `chat`; `missed` is the catch-up, computed in the same tick. `head` is
   * the log's newest seq: a page that saw a higher one talks to a fresh state dir and starts over.
   */
  open(chat: string, res: ServerResponse, missed: readonly LogRecord[], since: number, head: number): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      // proxies (nginx) buffer responses unless told not to
      'x-accel-buffering': 'no',
    });
    const stream: Stream = { chat, res, sent: since };
    res.write(`retry: ${RETRY_MS}\n\n`);
    for (const record of missed) this.#write(stream, record);
    // tells the page the catch-up is complete (its "connected" state), without an id of its own
    res.write(`event: ready\ndata: ${JSON.stringify({ head })}\n\n`);
    this.#streams.add(stream);
    res.on('close', () => this.#streams.delete(stream));
  }

  publish(chat: string, record: LogRecord): void {
    for (const stream of this.#streams) if (stream.chat === chat) this.#write(stream, record);
  }

  /** A comment line: keeps idle connections from being cut by proxies and finds dead ones. */
  ping(): void {
    for (const stream of this.#streams) stream.res.write(': ping\n\n');
  }

  /** Chats with at least one open page. */
  chats(): string[] {
    return [...new Set([...this.#streams].map((s) => s.chat))];
  }

  get size(): number {
    return this.#streams.size;
  }

  closeAll(): void {
    for (const stream of this.#streams) stream.res.end();
    this.#streams.clear();
  }

  #write(stream: Stream, record: LogRecord): void {
    if (record.seq <= stream.sent) return;
    stream.sent = record.seq;
    stream.res.write(`id: ${record.seq}\ndata: ${JSON.stringify(record)}\n\n`);
  }
}
