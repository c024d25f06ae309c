/*
 * A loopback Slack for tests: the Web API (`POST /api/<method>`), Socket Mode (`ws`) and
 * HTTP-mode delivery, on 127.0.0.1 port 0, with a control API that acts as the people in the
 * workspace (post, mention, click, run a slash command) and as the network (lost acks,
 * disconnects, hard drops, rate limits). Real @slack/bolt, @slack/web-api and
 * @slack/socket-mode talk to it; PLATFORMS.md § Slack lists the semantics it keeps.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeDelivery, HttpDelivery, signBody } from './slack-http-delivery.js';
import { routeRequest } from './slack-http-routes.js';
import {
  type ButtonJson,
  blockAction,
  type Delivery,
  newMessageDeliveries,
  slashCommand,
} from './slack-payloads.js';
import { type EnvelopeRecord, SocketModeHub } from './slack-socket-mode.js';
import { type ApiFault, SlackWebApi } from './slack-web-api.js';
import { SlackWorkspace, type StoredMessage } from './slack-workspace.js';

export type { EnvelopeRecord } from './slack-socket-mode.js';
export type { StoredMessage } from './slack-workspace.js';

export interface FakeSlackOptions {
  readonly botToken?: string;
  readonly appToken?: string;
  readonly signingSecret?: string;
  /** Socket Mode: an envelope not acked within this is redelivered (Slack: ~3 s). */
  readonly redeliverAfterMs?: number;
  /** Retries after the first delivery before an event is dropped (Slack: 3). */
  readonly maxRetries?: number;
  /** Socket Mode: server pings this often; 0 = never. */
  readonly pingIntervalMs?: number;
  /** HTTP mode: how long the app has to answer 2xx (Slack: 3 s). */
  readonly httpTimeoutMs?: number;
  readonly httpRetryDelayMs?: number;
  /** Channels that exist, the bot a member of each. */
  readonly channels?: readonly string[];
}

export interface SayOptions {
  readonly user: string;
  readonly channel: string;
  readonly text: string;
  readonly thread_ts?: string;
  readonly files?: readonly {
    readonly name: string;
    readonly content: string | Buffer;
    readonly mimetype?: string;
  }[];
  /** false: only history knows it (as when Slack gave up delivering while the app was away). */
  readonly deliver?: boolean;
}

export class FakeSlackServer {
  readonly workspace = new SlackWorkspace();
  readonly api: SlackWebApi;
  readonly socketMode: SocketModeHub;
  readonly envelopes: EnvelopeRecord[];
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  readonly #listeners = new Set<() => void>();
  #http: HttpDelivery | undefined;
  #httpTarget: string | undefined;
  #server!: Server;

  private constructor(private readonly options: FakeSlackOptions) {
    this.botToken = options.botToken ?? 'xoxb-fake-bot-token';
    this.appToken = options.appToken ?? 'xapp-fake-app-token';
    this.signingSecret = options.signingSecret ?? 'fake-signing-secret';
    const changed = () => this.#changed();
    this.socketMode = new SocketModeHub(
      {
        redeliverAfterMs: options.redeliverAfterMs ?? 3000,
        maxRetries: options.maxRetries ?? 3,
        pingIntervalMs: options.pingIntervalMs ?? 0,
      },
      changed,
    );
    this.envelopes = this.socketMode.envelopes;
    this.api = new SlackWebApi(
      this.workspace,
      { bot: this.botToken, app: this.appToken },
      {
        raise: (d) => void this.raise(d),
        changed,
        connectionUrl: () =>
          `${this.url.replace(/^http/, 'ws')}/link/?ticket=${this.socketMode.newTicket()}&app_id=${this.workspace.appId}`,
      },
    );
    for (const id of options.channels ?? ['C0FERRY']) this.workspace.addChannel(id);
  }

  static async start(options: FakeSlackOptions = {}): Promise<FakeSlackServer> {
    const fake = new FakeSlackServer(options);
    const deps = {
      api: fake.api,
      workspace: fake.workspace,
      botToken: fake.botToken,
      changed: () => fake.#changed(),
    };
    fake.#server = createServer((req, res) => void routeRequest(req, res, deps));
    fake.#server.on('upgrade', (req, socket, head) => fake.socketMode.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => fake.#server.listen(0, '127.0.0.1', resolve));
    fake.workspace.baseUrl = `http://127.0.0.1:${(fake.#server.address() as AddressInfo).port}`;
    return fake;
  }

  get url(): string {
    return this.workspace.baseUrl;
  }

  /** The Web API base for `api_url` / Bolt's `slackApiUrl`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  get botUserId(): string {
    return this.workspace.botUserId;
  }

  /** `<@BOT> text`: a message that mentions the bot. */
  mention(text: string): string {
    return `<@${this.botUserId}> ${text}`;
  }

  /** From now on events are POSTed to `url` (HTTP mode) instead of sent over Socket Mode. */
  deliverOverHttp(url: string): void {
    this.#http?.close();
    this.#httpTarget = url;
    this.#http = new HttpDelivery(
      {
        url,
        signingSecret: this.signingSecret,
        timeoutMs: this.options.httpTimeoutMs ?? 3000,
        maxRetries: this.options.maxRetries ?? 3,
        retryDelayMs: this.options.httpRetryDelayMs ?? 200,
      },
      this.envelopes,
      () => this.#changed(),
    );
  }

  raise(delivery: Delivery): EnvelopeRecord {
    return this.#http ? this.#http.raise(delivery) : this.socketMode.raise(delivery);
  }

  /** The DM channel between the bot and `user`. */
  dm(user: string): string {
    return this.workspace.dmWith(user).id;
  }

  /** A person posts; raises `message` (and `app_mention` for a mention) unless `deliver: false`. */
  say(o: SayOptions): StoredMessage {
    const ws = this.workspace;
    if (!ws.channels.has(o.channel)) throw new Error(`fake slack: no channel ${o.channel}`);
    const files = (o.files ?? []).map((f) => {
      const id = ws.nextId('F');
      ws.files.set(id, {
        id,
        name: f.name,
        mimetype: f.mimetype ?? 'text/plain',
        bytes: Buffer.from(f.content),
      });
      return id;
    });
    const m = ws.add({
      channel: o.channel,
      ts: ws.nextTs(),
      ...(o.thread_ts ? { thread_ts: o.thread_ts } : {}),
      user: o.user,
      text: o.text,
      ...(files.length ? { files } : {}),
    });
    if (o.deliver !== false) for (const d of newMessageDeliveries(ws, m)) this.raise(d);
    this.#changed();
    return m;
  }

  slash(o: { user: string; channel: string; text: string; command?: string }): EnvelopeRecord {
    return this.raise(slashCommand(this.workspace, { command: '/ferry', ...o }));
  }

  /**
   * `user` clicks a button of the bot's message: the one with `value`, else the first. `view`
   * is what the user's client still shows (a client may not have the edit that removed the
   * buttons yet, which is how a double tap reaches an app); default: the message as it is.
   */
  click(o: {
    user: string;
    channel: string;
    ts: string;
    value?: string;
    view?: StoredMessage['blocks'];
  }): EnvelopeRecord {
    const m = this.workspace.find(o.channel, o.ts);
    if (!m) throw new Error(`fake slack: no message ${o.channel}/${o.ts}`);
    const buttons = (o.view ?? m.blocks ?? []).flatMap((b) =>
      ((b as { elements?: ButtonJson[] }).elements ?? []).filter((e) => 'action_id' in e),
    );
    const button = buttons.find((b) => o.value === undefined || b.value === o.value);
    if (!button) throw new Error(`fake slack: message ${o.ts} has no such button`);
    return this.raise(blockAction(this.workspace, o.user, m, button));
  }

  /** Messages the bot posted (current text; `edits` holds each update), oldest first. */
  botMessages(filter: { channel?: string; thread?: string } = {}): StoredMessage[] {
    return this.workspace.messages.filter(
      (m) =>
        m.bot_id === this.workspace.botId &&
        (filter.channel === undefined || m.channel === filter.channel) &&
        (filter.thread === undefined || m.thread_ts === filter.thread),
    );
  }

  calls(method: string) {
    return this.api.calls.filter((c) => c.method === method);
  }

  fault(method: string, fault: ApiFault): void {
    this.api.fault(method, fault);
  }

  /** The next `n` acks (of envelopes `match` picks) are lost, so Slack redelivers those envelopes. */
  ignoreNextAcks(n: number, match?: (e: EnvelopeRecord) => boolean): void {
    this.socketMode.ignoreNextAcks(n, match);
  }

  /** Envelopes about the message with this ts (its `message` and `app_mention` copies). */
  envelopesFor(ts: string): EnvelopeRecord[] {
    return this.envelopes.filter((e) => (e.payload.event as { ts?: string } | undefined)?.ts === ts);
  }

  disconnect(reason = 'refresh_requested'): void {
    this.socketMode.disconnect(reason);
  }

  hardDrop(): void {
    this.socketMode.hardDrop();
  }

  /** One signed request to the HTTP-mode target, outside the retry machinery (for auth tests). */
  async sendSigned(
    delivery: Delivery,
    o: { secret?: string; timestampSec?: number } = {},
  ): Promise<{ status: number; text: string }> {
    if (!this.#httpTarget) throw new Error('fake slack: deliverOverHttp() first');
    const { body, contentType } = encodeDelivery(delivery);
    const headers = signBody(
      o.secret ?? this.signingSecret,
      body,
      o.timestampSec ?? Math.floor(Date.now() / 1000),
    );
    const res = await fetch(this.#httpTarget, {
      method: 'POST',
      headers: { 'content-type': contentType, ...headers },
      body,
    });
    return { status: res.status, text: await res.text() };
  }

  /** Resolves when `probe` holds; checked after every change the fake sees. */
  waitFor(probe: () => boolean, timeoutMs = 10_000, what = 'a condition'): Promise<void> {
    if (probe()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const listener = () => {
        if (!probe()) return;
        clearTimeout(timer);
        this.#listeners.delete(listener);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#listeners.delete(listener);
        const posted = this.botMessages().map((m) => `${m.channel}/${m.thread_ts ?? '-'}/${m.ts}: ${m.text}`);
        reject(new Error(`fake slack: timed out waiting for ${what}; bot messages:\n${posted.join('\n')}`));
      }, timeoutMs);
      this.#listeners.add(listener);
    });
  }

  async close(): Promise<void> {
    this.#http?.close();
    this.socketMode.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #changed(): void {
    for (const l of [...this.#listeners]) l();
  }
}
