import type { ServerResponse } from 'node:http';
import {
  type ChatAddress,
  ChatAddressError,
  CLOCK,
  type Clock,
  type ConfigChangeVerdict,
  type ConfigDelta,
  type DrainReport,
  type DrainRequest,
  type IngressSink,
  inject,
  injectable,
  type MessageRef,
  type OutgoingMessage,
  PLUGIN_CONFIG,
  PLUGIN_CONTEXT,
  type PluginContext,
  type Transport,
  type TransportCapabilities,
  type TransportHealth,
} from '@ferry/core';
import { ChatLog } from './chat-log.js';
import { EventStreams } from './event-streams.js';
import { parseInboundPost, toInboundEvent } from './inbound-post.js';
import { loadStaticFiles } from './static-files.js';
import { CHAT_ID_PATTERN, type WebchatConfig } from './webchat-config.js';
import { WebchatBadRequestError, WebchatUnavailableError } from './webchat-errors.js';
import { WebchatServer } from './webchat-server.js';

/** Idle streams get a comment this often, so proxies and dead peers are noticed. */
const PING_EVERY_MS = 15_000;

/**
 * A chat page in the browser. Inbound: the page POSTs each message with its own id (the dedupe
 * key) and gets 200 only once the host journaled it; until then it keeps the message and
 * retries. Outbound: send/edit/delete go into a durable per-chat log (ChatLog) and out to the
 * open pages as server-sent events, so a page that reconnects — also after a restart — gets
 * what it missed, repaired progress messages included.
 */
@injectable()
export class WebchatTransport implements Transport {
  readonly id = 'webchat';
  readonly capabilities: TransportCapabilities = {
    edit: true,
    delete: true,
    buttons: true,
    maxTextLength: 32_000,
    minEditIntervalMs: 500,
  };
  readonly #log: ChatLog;
  readonly #streams = new EventStreams();
  readonly #pinging = new AbortController();
  #adminChat: string | undefined;
  #server: WebchatServer | undefined;
  #ingress: IngressSink | undefined;
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;
  /** POSTs waiting for the journal; a drain and a stop wait for them to be answered. */
  readonly #accepting = new Set<Promise<unknown>>();
  #url: string | undefined;

  constructor(
    @inject(PLUGIN_CONFIG) private readonly config: WebchatConfig,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(PLUGIN_CONTEXT) private readonly ctx: PluginContext,
  ) {
    this.#log = new ChatLog(ctx.store, config.history);
    this.#adminChat = config.admin_chat;
  }

  /** Where the page is served, once listening (`http://127.0.0.1:8765/`). */
  get url(): string | undefined {
    return this.#url;
  }

  start(ingress: IngressSink): Promise<void> {
    this.#starting ??= this.#start(ingress);
    return this.#starting;
  }

  async #start(ingress: IngressSink): Promise<void> {
    this.#ingress = ingress;
    const { host, port } = this.config;
    const server = new WebchatServer(this.config.token, loadStaticFiles(), this.#routes(), this.ctx.logger);
    const address = await server.listen(host, port);
    this.#server = server;
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    this.#url = `http://${shownHost}:${address.port}/`;
    // the token is not logged (the logger would redact it anyway); the user has it in ferry.toml
    this.ctx.logger.info(
      { url: this.#url, port: address.port },
      `webchat is listening: open ${this.#url}?token=<[transports.webchat] token>`,
    );
    void this.#ping();
  }

  /**
   * Nothing to cut: the server keeps journaling during a drain (the host's gate answers
   * "restarting" to new messages), so the drain only waits for POSTs already at the journal.
   */
  async drain(req: DrainRequest): Promise<DrainReport> {
    const waiting = [...this.#accepting];
    if (waiting.length > 0 && !req.signal.aborted) {
      const timer = new AbortController();
      const wait = this.clock.sleep(
        Math.max(0, req.deadline - this.clock.now()),
        AbortSignal.any([timer.signal, req.signal]),
      );
      try {
        await Promise.race([Promise.allSettled(waiting), wait.catch(() => undefined)]);
      } finally {
        timer.abort(); // a losing timer must not hold the event loop open
      }
    }
    return { waited: waiting.length, interrupted: [] };
  }

  stop(): Promise<void> {
    this.#stopping ??= this.#stop();
    return this.#stopping;
  }

  async #stop(): Promise<void> {
    this.#pinging.abort();
    // new POSTs get 503 from here on; the page keeps them and sends them to the next generation
    this.#ingress = undefined;
    await Promise.allSettled([...this.#accepting]);
    this.#streams.closeAll();
    await this.#server?.close();
  }

  adminChats(): readonly ChatAddress[] {
    const chats = new Set(this.#streams.chats());
    if (this.#adminChat) chats.add(this.#adminChat);
    return [...chats].map((chat) => ({ transport: this.id, chat }));
  }

  async check(): Promise<TransportHealth> {
    const { host, port } = this.config;
    return { ok: true, detail: `serves the page on http://${host}:${port === 0 ? '<any port>' : port}/` };
  }

  onConfigChange(delta: ConfigDelta): ConfigChangeVerdict {
    // only who gets operator notices can change under open pages; the rest is the listener itself
    return delta.keys.every((k) => k.endsWith('.admin_chat')) ? 'hot' : 'restart';
  }

  async applyConfig(next: unknown): Promise<void> {
    this.#adminChat = (next as WebchatConfig).admin_chat;
  }

  async send(to: ChatAddress, msg: OutgoingMessage): Promise<MessageRef> {
    const chat = this.#chatOf(to);
    const record = this.#log.append(
      chat,
      {
        role: 'bot',
        text: msg.text,
        ...(msg.replyTo ? { replyTo: msg.replyTo.id } : {}),
        ...(msg.buttons ? { buttons: msg.buttons } : {}),
      },
      this.clock.now(),
    );
    this.#streams.publish(chat, record);
    return { chat: { transport: this.id, chat }, id: record.id };
  }

  async edit(ref: MessageRef, msg: OutgoingMessage): Promise<void> {
    const chat = this.#chatOf(ref.chat);
    this.#streams.publish(chat, this.#log.edit(chat, ref.id, msg.text, msg.buttons));
  }

  async delete(ref: MessageRef): Promise<void> {
    const chat = this.#chatOf(ref.chat);
    this.#streams.publish(chat, this.#log.delete(chat, ref.id));
  }

  #routes() {
    return {
      openStream: (chat: string, since: number, res: ServerResponse) => {
        if (!CHAT_ID_PATTERN.test(chat))
          throw new WebchatBadRequestError(`"${chat}" is not a webchat chat id`);
        // catch-up and subscription in one tick: nothing written in between can be missed
        this.#streams.open(chat, res, this.#log.since(chat, since), since, this.#log.head);
      },
      post: (body: unknown) => this.#post(body),
    };
  }

  async #post(body: unknown): Promise<Record<string, unknown>> {
    const post = parseInboundPost(body);
    const ingress = this.#ingress;
    if (!ingress)
      throw new WebchatUnavailableError('webchat is not receiving (starting or stopping); try again');
    if (post.kind === 'message') {
      // logged before the journal: the host's progress reply must come after it in the chat.
      // A retry of the same id finds it there and writes nothing.
      const record = this.#log.append(
        post.chat,
        { role: 'user', id: post.id, text: post.text },
        this.clock.now(),
      );
      this.#streams.publish(post.chat, record);
    }
    const accepting = ingress.accept([toInboundEvent(this.id, post, this.clock.now())]);
    this.#accepting.add(accepting);
    try {
      await accepting;
    } catch (err) {
      throw new WebchatUnavailableError('the message could not be journaled; try again', { cause: err });
    } finally {
      this.#accepting.delete(accepting);
    }
    return { id: post.id };
  }

  async #ping(): Promise<void> {
    while (!this.#pinging.signal.aborted) {
      try {
        await this.clock.sleep(PING_EVERY_MS, this.#pinging.signal);
      } catch {
        return; // stopped
      }
      this.#streams.ping();
    }
  }

  #chatOf(address: ChatAddress): string {
    if (
      address.transport !== this.id ||
      !CHAT_ID_PATTERN.test(address.chat) ||
      address.thread !== undefined
    ) {
      throw new ChatAddressError(
        `webchat cannot address ${address.transport}:${address.chat}${address.thread ? `:${address.thread}` : ''}; expected webchat:<id> with letters, digits, _ and -`,
      );
    }
    return address.chat;
  }
}
