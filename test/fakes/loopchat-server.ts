import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * "Loopchat": the smallest chat platform with Telegram's delivery semantics, for testing the
 * core's guarantees without a real transport's complexity. Updates wait on the server until a
 * poll with a higher offset confirms them (so a daemon that dies before journaling gets them
 * again), and the server outlives daemon processes, like a real platform.
 */
export interface UserMessage {
  readonly id: number;
  readonly chat: string;
  readonly text: string;
  readonly date: number;
  readonly reply_to?: number;
}

export interface BotMessage {
  readonly id: number;
  readonly chat: string;
  text: string;
  readonly reply_to?: number;
  readonly edits: string[];
  deleted: boolean;
}

export class LoopchatServer {
  readonly #server: Server;
  #nextUpdate = 1;
  #nextBot = 1_000_000;
  readonly #pending: UserMessage[] = [];
  readonly users: UserMessage[] = [];
  readonly bot: BotMessage[] = [];
  /** Highest update id a poll has confirmed (offset - 1). */
  confirmed = 0;
  /** Called when a poll confirms new updates, before it is answered (lets a test kill the bot right there). */
  onConfirm: ((confirmed: number) => void) | undefined;
  readonly #waiters = new Set<() => void>();
  url = '';

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    for (const w of this.#waiters) w();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** A user writes in `chat`; returns the message (its id is the update id). */
  say(chat: string, text: string, options: { date?: number; replyTo?: number } = {}): UserMessage {
    const msg: UserMessage = {
      id: this.#nextUpdate++,
      chat,
      text,
      date: options.date ?? Date.now(),
      ...(options.replyTo ? { reply_to: options.replyTo } : {}),
    };
    this.#pending.push(msg);
    this.users.push(msg);
    this.#wake();
    return msg;
  }

  /** Bot messages replying to a user message. */
  repliesTo(id: number): BotMessage[] {
    return this.bot.filter((m) => m.reply_to === id);
  }

  /** Resolves when `predicate` holds; checked on every request the bot makes. */
  waitFor(predicate: () => boolean, timeoutMs = 30_000, what = 'condition'): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.#waiters.add(check);
    });
  }

  #wake(): void {
    for (const w of [...this.#waiters]) w();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
    const reply = (status: number, data: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
      this.#wake();
    };
    switch (url.pathname) {
      case '/updates': {
        const offset = Number(url.searchParams.get('offset') ?? '0');
        const timeoutMs = Number(url.searchParams.get('timeout') ?? '0');
        // confirming: every update below the offset is gone for good
        while (this.#pending.length && this.#pending[0]!.id < offset) this.#pending.shift();
        if (offset - 1 > this.confirmed) {
          this.confirmed = offset - 1;
          this.onConfirm?.(this.confirmed);
        }
        if (!this.#pending.length && timeoutMs > 0) {
          await new Promise<void>((resolve) => {
            const done = () => {
              clearTimeout(t);
              this.#waiters.delete(done);
              resolve();
            };
            const t = setTimeout(done, timeoutMs);
            this.#waiters.add(done);
            req.once('close', done);
          });
        }
        reply(200, { updates: this.#pending.slice(0, 100) });
        return;
      }
      case '/send': {
        const msg: BotMessage = {
          id: this.#nextBot++,
          chat: body.chat,
          text: body.text,
          edits: [],
          deleted: false,
          ...(body.reply_to ? { reply_to: Number(body.reply_to) } : {}),
        };
        this.bot.push(msg);
        reply(200, { id: msg.id });
        return;
      }
      case '/edit': {
        const msg = this.bot.find((m) => m.id === Number(body.id));
        if (!msg) return reply(404, { error: 'message to edit not found' });
        msg.edits.push(body.text);
        msg.text = body.text;
        reply(200, { ok: true });
        return;
      }
      case '/delete': {
        const msg = this.bot.find((m) => m.id === Number(body.id));
        if (!msg) return reply(404, { error: 'message to delete not found' });
        msg.deleted = true;
        reply(200, { ok: true });
        return;
      }
      default:
        reply(404, { error: 'unknown method' });
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      data += c;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
