import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** Which requests a fault hits: by path (`/bot…/sendMessage`, `/api/chat.postMessage`). */
export type PathMatch = (path: string) => boolean;

interface Pending {
  left: number;
  readonly match: PathMatch;
  readonly status?: number;
}

/**
 * An HTTP proxy between the daemon and a chat fake that plays the network: it answers 5xx
 * instead of forwarding, drops requests without an answer, and cuts connections. Every fault
 * happens *before* the request reaches the platform, or on a request that changes nothing
 * (an idle keep-alive socket, a long poll): a cut that lost the answer to a send the platform
 * had carried out would make a duplicate that no client can avoid (docs/telegram.md), and the
 * chaos checker would blame Ferry for the network.
 */
export class FaultProxy {
  url = '';
  readonly stats = { forwarded: 0, failed: 0, dropped: 0, cut: 0 };
  readonly #server: Server;
  readonly #inFlight = new Map<Socket, Set<{ readonly path: string }>>();
  readonly #fails: Pending[] = [];
  readonly #drops: Pending[] = [];
  readonly #holds: Pending[] = [];
  readonly #held: { readonly path: string; readonly body: string; readonly res: ServerResponse }[] = [];
  readonly #heldWaiters = new Set<() => void>();

  constructor(
    private readonly target: string,
    /** Requests that may be cut while in flight because they change nothing (long polls). */
    private readonly idempotent: PathMatch = () => false,
  ) {
    this.#server = createServer((req, res) => this.#handle(req, res));
    this.#server.on('connection', (socket) => {
      this.#inFlight.set(socket, new Set());
      socket.once('close', () => this.#inFlight.delete(socket));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  /** The next `times` matching requests get `status` (never forwarded). */
  failNext(times: number, status: number, match: PathMatch): void {
    this.#fails.push({ left: times, match, status });
  }

  /** The next `times` matching requests lose their connection before being forwarded. */
  dropNext(times: number, match: PathMatch): void {
    this.#drops.push({ left: times, match });
  }

  /**
   * The next `times` matching requests are held: read, never forwarded, never answered — a
   * request stuck on the network — until the client gives up or `releaseHeld` answers 502.
   */
  holdNext(times: number, match: PathMatch): void {
    this.#holds.push({ left: times, match });
  }

  /** Resolves with the first held request whose body satisfies `match`. */
  waitForHeld(match: (body: string) => boolean, timeoutMs: number): Promise<{ path: string; body: string }> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.#held.find((h) => match(h.body));
        if (!hit) return;
        clearTimeout(timer);
        this.#heldWaiters.delete(check);
        resolve(hit);
      };
      const timer = setTimeout(() => {
        this.#heldWaiters.delete(check);
        reject(new Error(`no matching request was held within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#heldWaiters.add(check);
      check();
    });
  }

  /** Answers every held request 502 (the platform never saw them). */
  releaseHeld(): void {
    for (const h of this.#held.splice(0))
      if (!h.res.headersSent && !h.res.destroyed) h.res.writeHead(502).end();
  }

  /** Cuts every connection that has nothing but idempotent requests in flight; returns how many. */
  cut(): number {
    let n = 0;
    for (const [socket, paths] of this.#inFlight) {
      if ([...paths].every((r) => this.idempotent(r.path))) {
        socket.destroy();
        n++;
      }
    }
    this.stats.cut += n;
    return n;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #take(list: Pending[], path: string): Pending | undefined {
    const hit = list.find((p) => p.left > 0 && p.match(path));
    if (hit && --hit.left <= 0) list.splice(list.indexOf(hit), 1);
    return hit;
  }

  #handle(req: IncomingMessage, res: ServerResponse): void {
    const path = new URL(req.url ?? '/', 'http://proxy').pathname;
    if (this.#take(this.#drops, path)) {
      this.stats.dropped++;
      req.socket.destroy();
      return;
    }
    if (this.#take(this.#holds, path)) {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.#held.push({ path, body: Buffer.concat(chunks).toString('utf8'), res });
        for (const w of [...this.#heldWaiters]) w();
      });
      return;
    }
    const fail = this.#take(this.#fails, path);
    if (fail) {
      this.stats.failed++;
      req.resume();
      res.writeHead(fail.status!, { 'content-type': 'text/plain' });
      res.end('injected by the chaos proxy');
      return;
    }
    const paths = this.#inFlight.get(req.socket);
    const token = { path };
    this.stats.forwarded++;
    paths?.add(token);
    const done = () => paths?.delete(token);
    const target = new URL(req.url ?? '/', this.target);
    const upstream = request(
      target,
      { method: req.method, headers: { ...req.headers, host: target.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        up.once('end', done);
      },
    );
    upstream.on('error', () => {
      done();
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    // the client went away (a killed daemon, a cut): the fake must see the poll end too
    res.once('close', () => {
      done();
      upstream.destroy();
    });
    req.pipe(upstream);
  }
}
