import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock, Logger } from '@ferry/core';
import type { App, Receiver } from '@slack/bolt';
import { processBeforeAck } from './deferred-ack.js';
import { SlackConnectError, SlackSignatureError } from './slack-errors.js';
import { signatureRefusal } from './verify-signature.js';

export interface HttpReceiverOptions {
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly signingSecret: string;
  readonly clock: Clock;
  readonly log: Logger;
}

/** Slack's requests are small; anything bigger is not from Slack. */
const MAX_BODY_BYTES = 1_048_576;

/**
 * Bolt's receiver contract over plain node:http (HTTP mode): every request's signature and
 * timestamp are checked before anything else (401 and nothing runs otherwise), and the 200
 * goes out only after Bolt's listeners — which journal the event — have finished, the
 * `processBeforeResponse` discipline. A failure answers 500, so Slack retries.
 */
export class SignedHttpReceiver implements Receiver {
  readonly #inFlight = new Set<Promise<void>>();
  #server: Server | undefined;
  #app: App | undefined;
  #stopping = false;

  constructor(private readonly o: HttpReceiverOptions) {}

  init(app: App): void {
    this.#app = app;
  }

  async start(): Promise<AddressInfo> {
    this.#stopping = false;
    const server = createServer((req, res) => {
      const task = this.#handle(req, res).catch((err: unknown) => {
        this.o.log.error({ err }, 'slack: request failed');
        reply(res, 500, 'internal error');
      });
      this.#inFlight.add(task);
      void task.finally(() => this.#inFlight.delete(task));
    });
    this.#server = server;
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(this.o.port, this.o.host, () => {
          server.off('error', reject);
          resolve();
        });
      });
    } catch (err) {
      throw new SlackConnectError(
        `slack: cannot listen on ${this.o.host}:${this.o.port} (${(err as NodeJS.ErrnoException).code ?? err}); change [transports.slack] http.port`,
        { cause: err },
      );
    }
    const address = server.address() as AddressInfo;
    this.o.log.info(
      { host: address.address, port: address.port, path: this.o.path },
      'slack: listening for events (HTTP mode)',
    );
    return address;
  }

  /** Refuses new requests (503: Slack retries them later), finishes running ones, closes. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.allSettled([...this.#inFlight]);
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'POST' || url.pathname !== this.o.path) return reply(res, 404, 'not found');
    const raw = await readBody(req);
    if (!raw) return reply(res, 413, 'too large');
    const refusal = signatureRefusal(
      {
        timestamp: header(req, 'x-slack-request-timestamp'),
        signature: header(req, 'x-slack-signature'),
        body: raw,
      },
      this.o.signingSecret,
      this.o.clock.now(),
    );
    if (refusal) {
      const err = new SlackSignatureError(`slack: refused an unsigned or badly signed request (${refusal})`);
      this.o.log.warn({ code: err.code, remote: req.socket.remoteAddress }, err.message);
      return reply(res, 401, 'invalid signature');
    }
    const body = parseBody(header(req, 'content-type'), raw);
    if (body.type === 'url_verification')
      return reply(res, 200, JSON.stringify({ challenge: body.challenge }), 'application/json');
    if (body.ssl_check) return reply(res, 200, '');
    if (this.#stopping || !this.#app) return reply(res, 503, 'stopping');
    const retryNum = header(req, 'x-slack-retry-num');
    let response: unknown;
    try {
      response = await processBeforeAck(this.#app, body, {
        ...(retryNum ? { num: Number(retryNum) } : {}),
        reason: header(req, 'x-slack-retry-reason'),
      });
    } catch (err) {
      this.o.log.warn({ err }, 'slack: event not taken; Slack will retry it');
      return reply(res, 500, 'not taken');
    }
    if (response === undefined || response === '') return reply(res, 200, '');
    if (typeof response === 'string') return reply(res, 200, response);
    reply(res, 200, JSON.stringify(response), 'application/json');
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Events are JSON; slash commands form fields; interactivity a form field `payload` holding JSON. */
function parseBody(contentType: string | undefined, raw: Buffer): Record<string, unknown> {
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/json')) return JSON.parse(text) as Record<string, unknown>;
  const form = new URLSearchParams(text);
  const payload = form.get('payload');
  if (payload !== null) return JSON.parse(payload) as Record<string, unknown>;
  return Object.fromEntries(form);
}

function reply(res: ServerResponse, status: number, text: string, type = 'text/plain'): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': type });
  res.end(text);
}
