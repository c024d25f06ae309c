// Plain JavaScript so both the tests (vitest) and the benchmarks (node) can run it.
/**
 * @typedef {{ id: number, chat: string, text: string, date: number, reply_to?: number }} UserMessage
 * @typedef {{ id: number, chat: string, text: string, reply_to?: number, edits: string[], deleted: boolean }} BotMessage
 */
import { createServer } from 'node:http';

/**
 * "Loopchat": the smallest chat platform with Telegram's delivery semantics, for testing the
 * core's guarantees without a real transport's complexity. Updates wait on the server until a
 * poll with a higher offset confirms them (so a daemon that dies before journaling gets them
 * again), and the server outlives daemon processes, like a real platform.
 */
export class LoopchatServer {
  #server;
  #nextUpdate = 1;
  #nextBot = 1_000_000;
  #pending = [];
  /** @type {UserMessage[]} */
  users = [];
  /** @type {BotMessage[]} */
  bot = [];
  /** Highest update id a poll has confirmed (offset - 1). */
  confirmed = 0;
  /** Called when a poll confirms new updates, before it is answered (lets a test kill the bot right there). */
  /** @type {((confirmed: number) => void) | undefined} */
  onConfirm = undefined;
  #waiters = new Set();
  url = '';

  constructor() {
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  async start() {
    await new Promise((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${this.#server.address().port}`;
    return this;
  }

  async close() {
    for (const w of this.#waiters) w();
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(() => resolve()));
  }

  /** A user writes in `chat`; returns the message (its id is the update id). */
  /** @returns {UserMessage} */
  say(chat, text, options = {}) {
    const msg = {
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
  /** @returns {BotMessage[]} */
  repliesTo(id) {
    return this.bot.filter((m) => m.reply_to === id);
  }

  /** Resolves when `predicate` holds; checked on every request the bot makes. */
  waitFor(predicate, timeoutMs = 30_000, what = 'condition') {
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

  #wake() {
    for (const w of [...this.#waiters]) w();
  }

  async #handle(req, res) {
    const url = new URL(req.url ?? '/', this.url);
    const body = req.method === 'POST' ? JSON.parse((await readBody(req)) || '{}') : {};
    const reply = (status, data) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(data));
      this.#wake();
    };
    switch (url.pathname) {
      case '/updates': {
        const offset = Number(url.searchParams.get('offset') ?? '0');
        const timeoutMs = Number(url.searchParams.get('timeout') ?? '0');
        // confirming: every update below the offset is gone for good
        while (this.#pending.length && this.#pending[0].id < offset) this.#pending.shift();
        if (offset - 1 > this.confirmed) {
          this.confirmed = offset - 1;
          this.onConfirm?.(this.confirmed);
        }
        if (!this.#pending.length && timeoutMs > 0) {
          await new Promise((resolve) => {
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
        const msg = {
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

function readBody(req) {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (c) => {
      data += c;
    });
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}
