import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isFerryError, type Logger } from '@ferry/core';
import type { StaticFile } from './static-files.js';
import { TokenAuth } from './token-auth.js';
import {
  WebchatBadRequestError,
  WebchatHttpError,
  WebchatListenError,
  WebchatUnauthorizedError,
} from './webchat-errors.js';

/** What the server asks its owner (the transport) to do; auth and parsing are done by then. */
export interface WebchatRoutes {
  /** Opens the SSE stream of `chat`, resuming after `since`. */
  openStream(chat: string, since: number, res: ServerResponse): void;
  /** Takes one message or button press; resolves once it is journaled. */
  post(body: unknown): Promise<Record<string, unknown>>;
}

const MAX_BODY_BYTES = 256 * 1024;

const PAGE_HEADERS = {
  // scripts and styles only from this server: a message text can never run as code
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
};

/** The HTTP side of the webchat: the page, its event stream and its POSTs, all behind the token. */
export class WebchatServer {
  readonly #server: Server;
  #auth: TokenAuth | undefined;

  constructor(
    private readonly token: string,
    private readonly files: ReadonlyMap<string, StaticFile>,
    private readonly routes: WebchatRoutes,
    private readonly log: Logger,
  ) {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((err: unknown) => this.#fail(res, err));
    });
  }

  async listen(host: string, port: number): Promise<AddressInfo> {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error) =>
        reject(
          new WebchatListenError(`webchat cannot listen on ${host}:${port}: ${err.message}`, { cause: err }),
        );
      this.#server.once('error', onError);
      this.#server.listen({ host, port }, () => {
        this.#server.off('error', onError);
        resolve();
      });
    });
    const address = this.#server.address() as AddressInfo;
    // named after the port really used (also for port = 0): cookies ignore ports
    this.#auth = new TokenAuth(this.token, `ferry_webchat_${address.port}`);
    return address;
  }

  /** Requests arrive only once listening, so the auth is there by then. */
  private get auth(): TokenAuth {
    return this.#auth!;
  }

  /** Closes the listener and every connection, open event streams included. */
  async close(): Promise<void> {
    if (!this.#server.listening) return;
    const closed = new Promise<void>((resolve) => this.#server.close(() => resolve()));
    this.#server.closeAllConnections();
    await closed;
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://webchat');
    const file = this.files.get(url.pathname);
    if (req.method === 'GET' && file) {
      const token = url.searchParams.get('token');
      if (token !== null && url.pathname === '/') return this.#login(token, url, res);
      this.auth.check(req);
      res.writeHead(200, { ...PAGE_HEADERS, 'content-type': file.type });
      res.end(file.body);
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      this.auth.check(req);
      const chat = url.searchParams.get('chat') ?? '';
      // EventSource sends Last-Event-ID on its own reconnects; the page sends ?since= when it reopens
      const since = Number(req.headers['last-event-id'] ?? url.searchParams.get('since') ?? '0');
      if (!Number.isSafeInteger(since) || since < 0) throw new WebchatBadRequestError('since must be a seq');
      this.routes.openStream(chat, since, res);
      return;
    }
    if (url.pathname === '/api/messages' && req.method === 'POST') {
      this.auth.check(req);
      // a cross-site form cannot send JSON without a CORS preflight, which this server never grants
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        throw new WebchatBadRequestError('send Content-Type: application/json');
      }
      const body = await readJson(req);
      const answer = await this.routes.post(body);
      sendJson(res, 200, { ok: true, ...answer });
      return;
    }
    sendJson(res, 404, { error: 'not_found', message: `no ${req.method} ${url.pathname}` });
  }

  /** `/?token=…`: swaps the token for the cookie and sends the page to a URL without it. */
  #login(token: string, url: URL, res: ServerResponse): void {
    if (!this.auth.matches(token)) throw new WebchatUnauthorizedError('wrong webchat token in ?token=');
    url.searchParams.delete('token');
    res.writeHead(303, {
      ...PAGE_HEADERS,
      location: `${url.pathname}${url.search}`,
      'set-cookie': this.auth.setCookieHeader(),
    });
    res.end();
  }

  #fail(res: ServerResponse, err: unknown): void {
    const status = err instanceof WebchatHttpError ? err.status : 500;
    if (status === 500) this.log.error({ err }, 'webchat: request failed');
    else this.log.debug({ err }, 'webchat: request refused');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const code = isFerryError(err) ? err.code : 'FERRY_WEBCHAT_UNAVAILABLE';
    sendJson(res, status, { error: code, message: err instanceof Error ? err.message : String(err) });
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new WebchatBadRequestError(`body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch (err) {
    throw new WebchatBadRequestError('the body is not JSON', { cause: err });
  }
}
