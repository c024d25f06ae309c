/*
 * The Web API methods of the fake Slack. Errors are HTTP 200 `{ok:false, error}`; rate limits
 * are HTTP 429 with `Retry-After` (PLATFORMS.md). Only what Ferry and Bolt call is here; any
 * other method answers `unknown_method`.
 */

import { asArray, fail, listing, range } from './slack-api-params.js';
import {
  changedDelivery,
  type Delivery,
  deletedDelivery,
  fileJson,
  messageJson,
  newMessageDeliveries,
} from './slack-payloads.js';
import type { SlackWorkspace, StoredMessage } from './slack-workspace.js';

export interface ApiResult {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers?: Record<string, string>;
}

export interface ApiCall {
  readonly method: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly at: number;
}

/** An injected failure: `error` → `{ok:false, error}`; `status: 429` → rate limited. */
export interface ApiFault {
  readonly error?: string;
  readonly status?: 429;
  readonly retryAfterS?: number;
  /** How many calls it hits; default 1. */
  readonly times?: number;
}

export interface WebApiHooks {
  /** Hands an event to whatever delivers events (Socket Mode or HTTP). */
  raise(delivery: Delivery): void;
  /** Something a test may wait for changed. */
  changed(): void;
  /** A fresh Socket Mode URL for apps.connections.open. */
  connectionUrl(): string;
}

/** The longest text chat.postMessage accepts. */
const MAX_TEXT = 40_000;

type Handler = (p: Record<string, unknown>) => Record<string, unknown>;

class ApiError extends Error {}

export class SlackWebApi {
  readonly calls: ApiCall[] = [];
  /** Echo the bot's own posts, edits and deletes back as `message` events, as Slack does. */
  echoBotEvents = true;
  readonly #faults = new Map<string, { fault: ApiFault; left: number }[]>();
  readonly #uploads = new Map<string, { name: string; title?: string }>();
  readonly #methods: Record<string, Handler>;

  constructor(
    private readonly ws: SlackWorkspace,
    private readonly tokens: { readonly bot: string; readonly app: string },
    private readonly hooks: WebApiHooks,
  ) {
    this.#methods = {
      'auth.test': () => ({
        url: 'https://fake.slack.com/',
        team: 'Fake',
        user: 'ferry',
        team_id: ws.teamId,
        user_id: ws.botUserId,
        bot_id: ws.botId,
        is_enterprise_install: false,
      }),
      'chat.postMessage': (p) => this.#post(p),
      'chat.update': (p) => this.#update(p),
      'chat.delete': (p) => this.#delete(p),
      'conversations.history': (p) => this.#history(p),
      'conversations.replies': (p) => this.#replies(p),
      'files.info': (p) => {
        const file = ws.files.get(String(p.file ?? ''));
        if (!file) throw new ApiError('file_not_found');
        return { file: fileJson(ws, file.id) };
      },
      'files.getUploadURLExternal': (p) => {
        if (!p.filename || !p.length) throw new ApiError('invalid_arguments');
        const id = ws.nextId('F');
        this.#uploads.set(id, { name: String(p.filename) });
        return { upload_url: `${ws.baseUrl}/upload/v1/${id}`, file_id: id };
      },
      'files.completeUploadExternal': (p) => this.#completeUpload(p),
    };
  }

  fault(method: string, fault: ApiFault): void {
    const list = this.#faults.get(method) ?? [];
    list.push({ fault, left: fault.times ?? 1 });
    this.#faults.set(method, list);
  }

  /** Bytes POSTed to an upload URL (step 2 of files.uploadV2). */
  receiveUpload(id: string, bytes: Buffer, mimetype: string): boolean {
    const upload = this.#uploads.get(id);
    if (!upload) return false;
    this.ws.files.set(id, { id, name: upload.name, mimetype, bytes });
    return true;
  }

  handle(method: string, params: Record<string, unknown>, token: string | undefined): ApiResult {
    this.calls.push({ method, params, at: Date.now() });
    const injected = this.#takeFault(method);
    if (injected?.status === 429) {
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(injected.retryAfterS ?? 1) },
      };
    }
    if (injected?.error) return fail(injected.error);
    if (!token) return fail('not_authed');
    if (method === 'apps.connections.open') {
      if (token === this.tokens.bot) return fail('not_allowed_token_type');
      if (token !== this.tokens.app) return fail('invalid_auth');
      return { status: 200, body: { ok: true, url: this.hooks.connectionUrl() } };
    }
    if (token === this.tokens.app) return fail('not_allowed_token_type');
    if (token !== this.tokens.bot) return fail('invalid_auth');
    const handler = this.#methods[method];
    if (!handler) return fail('unknown_method');
    try {
      const body = { ok: true, ...handler(params) };
      this.hooks.changed();
      return { status: 200, body };
    } catch (err) {
      if (err instanceof ApiError) return fail(err.message);
      throw err;
    }
  }

  #takeFault(method: string): ApiFault | undefined {
    const list = this.#faults.get(method);
    const first = list?.[0];
    if (!list || !first) return undefined;
    if (--first.left <= 0) list.shift();
    return first.fault;
  }

  #channel(p: Record<string, unknown>, key = 'channel') {
    const channel = this.ws.channels.get(String(p[key] ?? ''));
    if (!channel) throw new ApiError('channel_not_found');
    return channel;
  }

  #post(p: Record<string, unknown>): Record<string, unknown> {
    const channel = this.#channel(p);
    if (!channel.botMember) throw new ApiError('not_in_channel');
    const text = typeof p.text === 'string' ? p.text : '';
    const blocks = asArray(p.blocks);
    if (!text && !blocks?.length) throw new ApiError('no_text');
    if (text.length > MAX_TEXT) throw new ApiError('msg_too_long');
    const thread = typeof p.thread_ts === 'string' && p.thread_ts ? p.thread_ts : undefined;
    if (thread && !this.ws.find(channel.id, thread)) throw new ApiError('thread_not_found');
    const m = this.ws.add({
      channel: channel.id,
      ts: this.ws.nextTs(),
      ...(thread ? { thread_ts: thread } : {}),
      user: this.ws.botUserId,
      bot_id: this.ws.botId,
      text,
      ...(blocks?.length ? { blocks } : {}),
    });
    if (this.echoBotEvents) for (const d of newMessageDeliveries(this.ws, m)) this.hooks.raise(d);
    return { channel: channel.id, ts: m.ts, message: messageJson(this.ws, m) };
  }

  #own(p: Record<string, unknown>, refusal: string): StoredMessage {
    const channel = this.#channel(p);
    const m = this.ws.find(channel.id, String(p.ts ?? ''));
    if (!m) throw new ApiError('message_not_found');
    if (m.bot_id !== this.ws.botId) throw new ApiError(refusal);
    return m;
  }

  #update(p: Record<string, unknown>): Record<string, unknown> {
    const m = this.#own(p, 'cant_update_message');
    const previous = messageJson(this.ws, m);
    const text = typeof p.text === 'string' ? p.text : m.text;
    if (text.length > MAX_TEXT) throw new ApiError('msg_too_long');
    const blocks = asArray(p.blocks);
    m.text = text;
    // Slack keeps the previous blocks when `blocks` is omitted and removes them for `[]`
    if (blocks !== undefined) m.blocks = blocks.length > 0 ? blocks : undefined;
    m.edits.push({ text: m.text, ...(m.blocks ? { blocks: m.blocks } : {}) });
    if (this.echoBotEvents) this.hooks.raise(changedDelivery(this.ws, m, previous));
    return { channel: m.channel, ts: m.ts, text: m.text, message: messageJson(this.ws, m) };
  }

  #delete(p: Record<string, unknown>): Record<string, unknown> {
    const m = this.#own(p, 'cant_delete_message');
    m.deleted = true;
    if (this.echoBotEvents) this.hooks.raise(deletedDelivery(this.ws, m));
    return { channel: m.channel, ts: m.ts };
  }

  #history(p: Record<string, unknown>): Record<string, unknown> {
    const channel = this.#channel(p);
    const page = this.ws.history(channel.id, range(p));
    return listing(
      page.items.map((m) => messageJson(this.ws, m)),
      page.nextCursor,
    );
  }

  #replies(p: Record<string, unknown>): Record<string, unknown> {
    const channel = this.#channel(p);
    const page = this.ws.replies(channel.id, String(p.ts ?? ''), range(p));
    if (!page) throw new ApiError('thread_not_found');
    return listing(
      page.items.map((m) => messageJson(this.ws, m)),
      page.nextCursor,
    );
  }

  #completeUpload(p: Record<string, unknown>): Record<string, unknown> {
    const files = (asArray(p.files) ?? []) as { id?: string; title?: string }[];
    if (files.length === 0) throw new ApiError('invalid_arguments');
    for (const f of files) if (!this.ws.files.has(String(f.id))) throw new ApiError('file_not_found');
    const channelId = typeof p.channel_id === 'string' ? p.channel_id : undefined;
    let shareTs: string | undefined;
    if (channelId) {
      const channel = this.#channel(p, 'channel_id');
      const thread = typeof p.thread_ts === 'string' && p.thread_ts ? p.thread_ts : undefined;
      const m = this.ws.add({
        channel: channel.id,
        ts: this.ws.nextTs(),
        ...(thread ? { thread_ts: thread } : {}),
        user: this.ws.botUserId,
        bot_id: this.ws.botId,
        text: typeof p.initial_comment === 'string' ? p.initial_comment : '',
        files: files.map((f) => String(f.id)),
      });
      shareTs = m.ts;
    }
    return {
      files: files.map((f) => ({
        ...fileJson(this.ws, String(f.id)),
        ...(channelId && shareTs ? { shares: { public: { [channelId]: [{ ts: shareTs }] } } } : {}),
      })),
    };
  }
}
