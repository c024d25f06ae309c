import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { botMethods, type MethodHandler } from './telegram-bot-methods.js';
import {
  ApiFailure,
  badRequest,
  type CallbackQuery,
  type ChatType,
  type FakeMessage,
  FakeState,
  type TgUser,
} from './telegram-fake-state.js';
import { type Fault, injectFault } from './telegram-faults.js';
import { readBotRequest } from './telegram-request.js';
import { UpdateQueue } from './telegram-update-queue.js';

export type { CallbackQuery, FakeMessage, TgUser } from './telegram-fake-state.js';
export type { Fault } from './telegram-faults.js';

/** A request the bot made, for assertions on pacing and order. */
export interface RecordedRequest {
  readonly method: string;
  readonly at: number;
  readonly params: Record<string, unknown>;
  readonly status: number;
  /** The bot token in the URL. */
  readonly token?: string;
}

export interface TelegramServerOptions {
  readonly token?: string;
  readonly username?: string;
  /** How long a callback query can be answered (Telegram: about a minute). */
  readonly callbackTtlMs?: number;
  /** First update id (Telegram's need not start at 1). */
  readonly firstUpdateId?: number;
}

/**
 * A Bot API server on 127.0.0.1 with Telegram's semantics (PLATFORMS.md): offsets confirm
 * updates and unconfirmed ones come again, long polling, 409 for a second concurrent poller,
 * and the errors a transport must survive. It outlives daemon processes, like Telegram. Tests
 * act as users and read what the bot did through the plain methods below.
 */
export class TelegramServer {
  readonly token: string;
  readonly bot: TgUser;
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  url = '';
  /** Times drop_pending_updates was asked for (a transport must never). */
  droppedPending = 0;
  webhookUrl = '';
  callbackTtlMs: number;
  readonly #state: FakeState;
  readonly #methods: Map<string, MethodHandler>;
  readonly #server: Server;
  readonly #updates: UpdateQueue;
  readonly #waiters = new Set<() => void>();
  /** Further tokens of the same bot (BotFather issued a new one; the old one still works here). */
  readonly #extraTokens = new Set<string>();
  #querySeq = 0;

  /** Accepts another token for the same bot, as after BotFather's "revoke": for token-change tests. */
  acceptToken(token: string): void {
    this.#extraTokens.add(token);
  }

  constructor(options: TelegramServerOptions = {}) {
    this.token = options.token ?? '123456:TEST-token_abc';
    const id = Number(this.token.split(':')[0]);
    this.bot = { id, is_bot: true, first_name: 'Ferry Test', username: options.username ?? 'ferry_test_bot' };
    this.callbackTtlMs = options.callbackTtlMs ?? 60_000;
    this.#updates = new UpdateQueue(options.firstUpdateId ?? 700_000_000, () => this.#wake());
    this.#state = new FakeState(this.bot);
    this.#methods = botMethods(this.#state, { callbackTtlMs: () => this.callbackTtlMs });
    this.#server = createServer((req, res) => void this.#handle(req, res));
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.#server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.#updates.close();
    this.#wake();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  // ── acting as users ─────────────────────────────────────────────────────────

  user(id: number, firstName = `User${id}`, username?: string): TgUser {
    return { id, is_bot: false, first_name: firstName, ...(username ? { username } : {}) };
  }

  /** A user has started the bot: their private chat exists (the bot may write to it). */
  privateChat(userId: number): void {
    this.#state.chat(userId);
  }

  /** Creates a group (negative id) up front; `forum` makes it a supergroup with topics. */
  group(id: number, options: { title?: string; forum?: boolean; type?: ChatType } = {}): void {
    this.#state.chat(id, {
      type: options.type ?? 'supergroup',
      title: options.title ?? `group ${id}`,
      ...(options.forum ? { is_forum: true } : {}),
    });
  }

  /** Opens a forum topic; returns its message_thread_id. */
  createTopic(chatId: number, name: string, from: TgUser | number = 1): number {
    const c = this.#state.chat(chatId, { type: 'supergroup', title: `group ${chatId}`, is_forum: true });
    const msg = this.#state.add(c, { ...this.#blank(from), topicCreated: name });
    c.topics.add(msg.message_id);
    return msg.message_id;
  }

  /** A user sends a text message; it waits on the server until a poll confirms it. */
  userSends(
    chatId: number,
    from: TgUser | number,
    text: string,
    options: { threadId?: number; replyTo?: number; date?: number } = {},
  ): FakeMessage {
    const c = this.#state.chat(chatId);
    if (options.threadId !== undefined && !c.topics.has(options.threadId))
      throw badRequest('message thread not found');
    const msg = this.#state.add(c, {
      ...this.#blank(from),
      text,
      raw: text,
      ...(options.threadId !== undefined ? { threadId: options.threadId } : {}),
      ...(options.replyTo !== undefined ? { replyToId: options.replyTo } : {}),
    });
    if (options.date !== undefined) Object.assign(msg, { date: options.date });
    this.#push('message', this.#state.toApi(msg));
    return msg;
  }

  /** A user sends a file (as a document, or as a photo), with an optional caption. */
  userSendsFile(
    chatId: number,
    from: TgUser | number,
    file: { name: string; content: Buffer | string; mimeType?: string; caption?: string; asPhoto?: boolean },
  ): FakeMessage {
    const c = this.#state.chat(chatId);
    const content = Buffer.from(file.content);
    const stored = this.#state.storeFile(
      file.name,
      content,
      file.mimeType ?? 'application/octet-stream',
      file.asPhoto ? 'photos' : 'documents',
    );
    const msg = this.#state.add(c, {
      ...this.#blank(from),
      isCaption: true,
      text: file.caption ?? '',
      raw: file.caption ?? '',
      ...(file.asPhoto ? { photo: stored } : { document: stored }),
    });
    this.#push('message', this.#state.toApi(msg));
    return msg;
  }

  /** A user presses an inline button of a bot message, by its text or its callback data. */
  pressButton(chatId: number, messageId: number, from: TgUser | number, button: string): string {
    const msg = this.#state.find(chatId, messageId);
    if (!msg || msg.deleted) throw new Error(`no message ${messageId} in chat ${chatId}`);
    const b = msg.markup?.flat().find((x) => x.text === button || x.callback_data === button);
    if (!b?.callback_data) throw new Error(`message ${messageId} has no button "${button}"`);
    const user = typeof from === 'number' ? this.user(from) : from;
    const q: CallbackQuery = {
      id: `${++this.#querySeq}${Date.now()}`,
      from: user,
      message: msg,
      data: b.callback_data,
      at: Date.now(),
    };
    this.#state.queries.set(q.id, q);
    this.#push('callback_query', {
      id: q.id,
      from: user,
      message: this.#state.toApi(msg),
      chat_instance: `ci${chatId}`,
      data: q.data,
    });
    return q.id;
  }

  /** Makes getUpdates answer 409 until deleteWebhook, as Telegram does for a bot with a webhook. */
  setWebhook(url: string): void {
    this.webhookUrl = url;
  }

  // ── faults ──────────────────────────────────────────────────────────────────

  /** The next matching request(s) fail with this status instead of being handled. */
  fail(method: string, status: number, options: Omit<Fault, 'method' | 'status'> = {}): void {
    this.faults.push({ method, status, ...options, times: options.times ?? 1 });
  }

  // ── reading what the bot did ────────────────────────────────────────────────

  /** Every message in a chat (users' and the bot's), oldest first; deleted ones included. */
  messages(chatId: number): FakeMessage[] {
    return this.#state.chats.get(chatId)?.messages ?? [];
  }

  botMessages(chatId: number): FakeMessage[] {
    return this.messages(chatId).filter((m) => m.from.id === this.bot.id);
  }

  message(chatId: number, messageId: number): FakeMessage | undefined {
    return this.#state.find(chatId, messageId);
  }

  /** Bot messages replying to a message. */
  repliesTo(chatId: number, messageId: number): FakeMessage[] {
    return this.botMessages(chatId).filter((m) => m.replyToId === messageId);
  }

  callbackQuery(id: string): CallbackQuery | undefined {
    return this.#state.queries.get(id);
  }

  commands(scope = 'default'): { command: string; description: string }[] | undefined {
    return this.#state.commands.get(`${scope}::`);
  }

  /** Requests per method (case-insensitive), with timestamps. */
  calls(method: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method.toLowerCase() === method.toLowerCase());
  }

  /** True while a long poll waits for updates. */
  get polling(): boolean {
    return this.#updates.polling;
  }

  /** Updates still waiting for a confirming offset. */
  get pendingUpdates(): number {
    return this.#updates.pending;
  }

  /** Resolves once `predicate` holds; checked after every request and every user action. */
  waitFor(predicate: () => boolean, timeoutMs = 20_000, what = 'condition'): Promise<void> {
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

  // ── HTTP ────────────────────────────────────────────────────────────────────

  #blank(from: TgUser | number) {
    return {
      from: typeof from === 'number' ? this.user(from) : from,
      text: '',
      raw: '',
      entities: [],
      isCaption: false,
      silent: false,
    };
  }

  #push(kind: 'message' | 'callback_query', payload: Record<string, unknown>): void {
    this.#updates.push(kind, payload);
    this.#wake();
  }

  #wake(): void {
    for (const w of [...this.#waiters]) w();
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return this.#download(res, file[1]!, decodeURIComponent(file[2]!));
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    let method = m?.[2] ?? '';
    let status = 200;
    let params: Record<string, unknown> = {};
    let body: Record<string, unknown>;
    try {
      const request = await readBotRequest(req, url);
      params = request.params;
      if (!m) throw new ApiFailure(404, 'Not Found');
      if (m[1] !== this.token && !this.#extraTokens.has(m[1]!)) throw new ApiFailure(401, 'Unauthorized');
      injectFault(this.faults, method, params);
      let result: unknown;
      if (method.toLowerCase() === 'getupdates') result = await this.#getUpdates(params, res);
      else if (method.toLowerCase() === 'deletewebhook') result = this.#deleteWebhook(params);
      else {
        const handler = this.#methods.get(method.toLowerCase());
        if (!handler) throw new ApiFailure(404, 'Not Found');
        result = handler(params, request.files);
      }
      body = { ok: true, result };
    } catch (err) {
      const f =
        err instanceof ApiFailure ? err : new ApiFailure(500, `Internal Server Error: ${String(err)}`);
      status = f.code;
      body = {
        ok: false,
        error_code: f.code,
        description: f.description,
        ...(f.parameters ? { parameters: f.parameters } : {}),
      };
    }
    if (method === '') method = url.pathname;
    this.requests.push({ method, at: Date.now(), params, status, ...(m?.[1] ? { token: m[1] } : {}) });
    if (!res.destroyed) {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    }
    this.#wake();
  }

  #deleteWebhook(params: Record<string, unknown>): boolean {
    this.webhookUrl = '';
    if (params.drop_pending_updates === true || params.drop_pending_updates === 'true') {
      this.droppedPending++;
      this.#updates.dropAll();
    }
    return true;
  }

  #getUpdates(params: Record<string, unknown>, res: ServerResponse): Promise<unknown[]> {
    if (this.webhookUrl) {
      throw new ApiFailure(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    return this.#updates.getUpdates(params, res);
  }

  #download(res: ServerResponse, token: string, path: string): void {
    const f =
      token === this.token ? [...this.#state.files.values()].find((x) => x.file_path === path) : undefined;
    this.requests.push({ method: 'file', at: Date.now(), params: { path }, status: f ? 200 : 404 });
    if (!f) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      return;
    }
    res.writeHead(200, { 'content-type': f.mimeType, 'content-length': f.content.length });
    res.end(f.content);
  }
}
