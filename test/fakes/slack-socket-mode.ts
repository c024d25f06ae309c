/*
 * Socket Mode of the fake Slack (PLATFORMS.md § Slack): `hello` first on every connection,
 * envelopes with `envelope_id`/`retry_attempt`/`retry_reason`, redelivery of an envelope not
 * acked in time, delivery on the next connection of what was raised while none was open,
 * `disconnect` messages, hard drops, and pongs (the `ws` library answers pings itself).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Delivery, EnvelopeType } from './slack-payloads.js';

export interface EnvelopeRecord {
  readonly envelope_id: string;
  readonly type: EnvelopeType;
  readonly payload: Record<string, unknown>;
  /** Times it was sent (Socket Mode) or POSTed (HTTP mode). */
  deliveries: number;
  acked: boolean;
  /** The `payload` of the ack (Socket Mode) or the response body (HTTP mode). */
  ackPayload?: unknown;
  /** Slack gave up after its last retry. */
  dropped: boolean;
}

export interface SocketModeOptions {
  /** An envelope not acked within this is sent again (Slack: ~3 s). */
  readonly redeliverAfterMs: number;
  /** Retries after the first delivery before Slack gives up (Slack: 3). */
  readonly maxRetries: number;
  /** The server pings every connection this often; 0 = never. */
  readonly pingIntervalMs: number;
}

interface Connection {
  readonly id: number;
  readonly socket: WebSocket;
  /** Hello sent and no disconnect announced: envelopes may go here. */
  live: boolean;
  ping?: NodeJS.Timeout;
}

interface Pending {
  readonly record: EnvelopeRecord;
  sentOn?: Connection;
  timer?: NodeJS.Timeout;
}

export class SocketModeHub {
  readonly envelopes: EnvelopeRecord[] = [];
  /** Connections that got their hello, over the server's lifetime. */
  connectionsOpened = 0;
  readonly #server = new WebSocketServer({ noServer: true });
  readonly #tickets = new Set<string>();
  readonly #connections = new Set<Connection>();
  readonly #pending = new Map<string, Pending>();
  readonly #lostAcks: { match: (e: EnvelopeRecord) => boolean; left: number }[] = [];
  #nextId = 0;

  constructor(
    private readonly options: SocketModeOptions,
    private readonly changed: () => void,
  ) {}

  /** A single-use ticket for the URL apps.connections.open returns. */
  newTicket(): string {
    const ticket = randomUUID();
    this.#tickets.add(ticket);
    return ticket;
  }

  get openConnections(): number {
    return [...this.#connections].filter((c) => c.live).length;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const ticket = new URL(req.url ?? '/', 'http://x').searchParams.get('ticket') ?? '';
    if (!this.#tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    this.#server.handleUpgrade(req, socket, head, (ws) => this.#open(ws));
  }

  #open(socket: WebSocket): void {
    const conn: Connection = { id: ++this.#nextId, socket, live: true };
    this.#connections.add(conn);
    socket.on('message', (data) => this.#onMessage(String(data)));
    socket.on('close', () => {
      conn.live = false;
      clearInterval(conn.ping);
      this.#connections.delete(conn);
      this.changed();
    });
    socket.on('error', () => undefined);
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.#connections.size,
        debug_info: { host: 'fake-slack', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0FAKE' },
      }),
    );
    if (this.options.pingIntervalMs > 0)
      conn.ping = setInterval(() => socket.ping(), this.options.pingIntervalMs);
    this.connectionsOpened++;
    this.changed();
    // what was raised while no connection was open, or sent on one that died, goes out now
    for (const p of this.#pending.values()) if (!p.sentOn?.live) this.#send(p);
  }

  #onMessage(text: string): void {
    let msg: { envelope_id?: string; payload?: unknown };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    const pending = msg.envelope_id ? this.#pending.get(msg.envelope_id) : undefined;
    if (!pending) return;
    const lost = this.#lostAcks.find((l) => l.left > 0 && l.match(pending.record));
    if (lost) {
      lost.left--;
      return;
    }
    clearTimeout(pending.timer);
    this.#pending.delete(pending.record.envelope_id);
    pending.record.acked = true;
    pending.record.ackPayload = msg.payload;
    this.changed();
  }

  raise(delivery: Delivery): EnvelopeRecord {
    const record: EnvelopeRecord = {
      envelope_id: randomUUID(),
      ...delivery,
      deliveries: 0,
      acked: false,
      dropped: false,
    };
    this.envelopes.push(record);
    const pending: Pending = { record };
    this.#pending.set(record.envelope_id, pending);
    this.#send(pending);
    return record;
  }

  /** The next `n` acks (of envelopes `match` picks) are lost on the way, so those envelopes are redelivered. */
  ignoreNextAcks(n: number, match: (e: EnvelopeRecord) => boolean = () => true): void {
    this.#lostAcks.push({ match, left: n });
  }

  #live(): Connection | undefined {
    return [...this.#connections].filter((c) => c.live).at(-1);
  }

  #send(p: Pending): void {
    clearTimeout(p.timer);
    const conn = this.#live();
    p.sentOn = conn;
    if (!conn) return; // waits for the next connection
    const r = p.record;
    conn.socket.send(
      JSON.stringify({
        envelope_id: r.envelope_id,
        type: r.type,
        payload: r.payload,
        accepts_response_payload: r.type !== 'events_api',
        retry_attempt: r.deliveries,
        retry_reason: r.deliveries === 0 ? '' : 'timeout',
      }),
    );
    r.deliveries++;
    this.changed();
    p.timer = setTimeout(() => {
      if (r.acked) return;
      if (r.deliveries > this.options.maxRetries) {
        r.dropped = true;
        this.#pending.delete(r.envelope_id);
        this.changed();
        return;
      }
      this.#send(p);
    }, this.options.redeliverAfterMs);
  }

  /** Sends `{type:"disconnect", reason}`; nothing more goes to those connections. */
  disconnect(reason: string): void {
    for (const conn of this.#connections) {
      if (!conn.live) continue;
      conn.live = false;
      conn.socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } }));
    }
  }

  /** Cuts every connection without a close frame, as a network failure would. */
  hardDrop(): void {
    for (const conn of this.#connections) {
      conn.live = false;
      conn.socket.terminate();
    }
  }

  close(): void {
    for (const p of this.#pending.values()) clearTimeout(p.timer);
    this.#pending.clear();
    this.hardDrop();
    this.#server.close();
  }
}
