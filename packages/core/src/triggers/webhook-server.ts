import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../clock/clock.js';
import { WebhookBindError } from './trigger-errors.js';

export interface ListenTarget {
  readonly host: string;
  readonly port: number;
  /** A socket handed over by systemd (socket activation): listen on it instead of binding. */
  readonly fd?: number;
}

/** How long `close()` lets calls in flight finish (they are journaling) before cutting them. */
const CLOSE_GRACE_MS = 2_000;

/**
 * The webhook HTTP server: only the socket. Routing happens per request in the handler, so
 * config edits need no rebind; only a changed host or port does.
 */
export class WebhookServer {
  readonly #server: Server;
  #listening: ListenTarget | undefined;

  constructor(
    private readonly clock: Clock,
    handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  ) {
    this.#server = createServer((req, res) => void handle(req, res));
    // a slow client must not hold a socket open for long
    this.#server.requestTimeout = 30_000;
    this.#server.headersTimeout = 10_000;
  }

  get target(): ListenTarget | undefined {
    return this.#listening;
  }

  /** `host:port` it listens on (the real port when 0 was asked for), or `fd:3`. */
  get address(): string | undefined {
    const a = this.#server.address();
    if (!this.#listening || !a) return undefined;
    if (typeof a === 'string') return a;
    const { address, port } = a as AddressInfo;
    return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  }

  get port(): number | undefined {
    const a = this.#server.address();
    return a && typeof a === 'object' ? a.port : undefined;
  }

  /** True when bound to a loopback address (fd sockets are judged by their address too). */
  get loopback(): boolean {
    const a = this.#server.address();
    const host = a && typeof a === 'object' ? a.address : this.#listening?.host;
    return host === undefined ? false : isLoopback(host);
  }

  async listen(target: ListenTarget): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) => {
        this.#server.off('listening', onListening);
        const where =
          target.fd === undefined ? `${target.host}:${target.port}` : `fd ${target.fd} (socket activation)`;
        reject(
          new WebhookBindError(
            `the webhook server cannot listen on ${where}: ${err.message}; change [triggers.server] host/port or free the port`,
            { cause: err },
          ),
        );
      };
      const onListening = () => {
        this.#server.off('error', onError);
        resolve();
      };
      this.#server.once('error', onError);
      this.#server.once('listening', onListening);
      if (target.fd === undefined) this.#server.listen(target.port, target.host);
      else this.#server.listen({ fd: target.fd });
    });
    this.#listening = target;
  }

  async close(): Promise<void> {
    if (!this.#listening) return;
    this.#listening = undefined;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeIdleConnections();
    const timer = new AbortController();
    const cut = this.clock.sleep(CLOSE_GRACE_MS, timer.signal).then(
      () => this.#server.closeAllConnections(),
      () => undefined,
    );
    try {
      await closed;
    } finally {
      timer.abort(); // a losing timer must not hold the event loop open
      await cut;
    }
  }
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.') || host === '::ffff:127.0.0.1';
}
