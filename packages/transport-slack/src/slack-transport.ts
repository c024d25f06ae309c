import type { AddressInfo } from 'node:net';
import {
  type Attachment,
  type ChatAddress,
  CLOCK,
  type Clock,
  type ConfigChangeVerdict,
  type ConfigDelta,
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
import type { App } from '@slack/bolt';
import { startBoltApp } from './bolt-app.js';
import { CatchUpPlan } from './catch-up.js';
import { ChannelPacer } from './channel-pacer.js';
import type { ClassifyContext } from './classify-message.js';
import { downloadFile } from './download-file.js';
import { messageBlocks } from './message-blocks.js';
import { SlackApi } from './slack-api.js';
import { SlackAudience } from './slack-audience.js';
import type { SlackConfig } from './slack-config.js';
import { SlackInbound } from './slack-inbound.js';
import { SlackIngress } from './slack-ingress.js';
import { SlackPresenter } from './slack-presenter.js';
import { ThreadRegistry } from './thread-registry.js';

/** Threads and DMs quiet for this long are no longer caught up after downtime. */
const THREAD_MEMORY_MS = 30 * 86_400_000;
/** Keys read at each use rather than at start. */
const HOT_KEYS = new Set([
  'channel_ids',
  'allowed_user_ids',
  'edit_interval_ms',
  'channel_interval_ms',
  'max_text_length',
  'catch_up_threads',
  'catch_up_messages',
]);
/**
 * Slack through @slack/bolt: Socket Mode (default) or signed HTTP requests in, the Web API
 * out. A channel thread is a session; answers go into the thread. Inbound events are
 * journaled before Slack is acknowledged, and what was posted while Ferry was away is read
 * back from history at start.
 */
@injectable()
export class SlackTransport implements Transport {
  readonly id = 'slack';
  readonly presenter = new SlackPresenter();
  readonly #api: SlackApi;
  readonly #pacer: ChannelPacer;
  readonly #threads: ThreadRegistry;
  readonly #writes = new Set<Promise<unknown>>();
  #starting: Promise<void> | undefined;
  #app: App | undefined;
  #address: AddressInfo | undefined;
  /** The live config: hot keys change it in place (applyConfig), the rest needs a restart. */
  #config: SlackConfig;

  constructor(
    @inject(PLUGIN_CONFIG) config: SlackConfig,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(PLUGIN_CONTEXT) private readonly ctx: PluginContext,
  ) {
    this.#config = config;
    this.#api = new SlackApi(config, ctx.logger);
    this.#pacer = new ChannelPacer(clock, () => this.#config.channel_interval_ms);
    this.#threads = new ThreadRegistry(ctx.store, clock);
  }

  get capabilities(): TransportCapabilities {
    return {
      edit: true,
      delete: true,
      buttons: true,
      maxTextLength: this.#config.max_text_length,
      minEditIntervalMs: this.#config.edit_interval_ms,
    };
  }

  /** Who may talk and how fast Ferry writes apply at once; connection settings need a restart. */
  onConfigChange(delta: ConfigDelta): ConfigChangeVerdict {
    const keys = delta.keys.map((k) => k.replace(/^transports\.slack\./, '').split(/[.[]/)[0] ?? k);
    return keys.every((k) => HOT_KEYS.has(k)) ? 'hot' : 'restart';
  }

  async applyConfig(next: unknown): Promise<void> {
    this.#config = next as SlackConfig;
  }

  start(ingress: IngressSink): Promise<void> {
    this.#starting ??= this.#start(ingress);
    return this.#starting;
  }

  async #start(sink: IngressSink): Promise<void> {
    const log = this.ctx.logger;
    const me = await this.#api.identity();
    const ingress = new SlackIngress(sink, me.teamId);
    const audience = new SlackAudience(
      () => this.#config,
      () => this.ctx.projectChats(),
      this.id,
    );
    const classify: ClassifyContext = {
      transportId: this.id,
      botUserId: me.botUserId,
      audience,
      inThread: (channel, ts) => this.#threads.has(channel, ts),
    };
    const inbound = new SlackInbound({
      ingress,
      classify,
      audience,
      threads: this.#threads,
      clock: this.clock,
      log,
    });
    this.#threads.prune(THREAD_MEMORY_MS);
    const plan = new CatchUpPlan({
      api: this.#api,
      ingress,
      threads: this.#threads,
      classify,
      log,
      clock: this.clock,
      channels: () => [...audience.channels(), ...this.#threads.dms()],
      limits: () => ({
        maxMessages: this.#config.catch_up_messages,
        maxThreads: this.#config.catch_up_threads,
      }),
    });
    const atStart = plan.cursors();
    const connection = {
      lost: () => plan.connectionLost(),
      regained: () => {
        const running = plan.reconnected();
        if (running) void this.#track(running);
      },
    };
    const started = await startBoltApp({
      config: this.#config,
      identity: me,
      inbound,
      clock: this.clock,
      log,
      connection,
    });
    this.#app = started.app;
    this.#address = started.address;
    await plan.run(atStart);
    log.info({ mode: this.#config.mode, team: me.teamId, bot: me.botUserId }, 'slack: receiving');
  }

  /** HTTP mode: where the server listens once started (`http.port = 0` picks a free port). */
  get address(): AddressInfo | undefined {
    return this.#address;
  }

  /** For `ferry doctor`: the bot token (auth.test) and, in Socket Mode, the app token. */
  async check(): Promise<TransportHealth> {
    try {
      const me = await this.#api.identity();
      if (this.#config.mode === 'socket') await this.#api.checkAppToken(this.#config.app_token ?? '');
      return { ok: true, detail: `bot ${me.botUserId} in team ${me.teamId}, ${this.#config.mode} mode` };
    } catch (err) {
      return { ok: false, detail: err instanceof Error ? err.message : String(err) };
    }
  }

  /** Stops receiving (envelopes being journaled still get their ack), then waits for sends. */
  async stop(): Promise<void> {
    await this.#starting?.catch(() => undefined);
    await this.#app?.stop();
    this.#app = undefined;
    await Promise.allSettled([...this.#writes]);
  }

  send(to: ChatAddress, msg: OutgoingMessage): Promise<MessageRef> {
    return this.#track(
      this.#pacer.run(to.chat, async () => {
        const ts = await this.#api.post({
          channel: to.chat,
          ...(to.thread ? { thread_ts: to.thread } : {}),
          text: msg.text,
          blocks: messageBlocks(msg),
        });
        return { chat: to, id: ts };
      }),
    );
  }

  /** Edits waiting for the channel's turn collapse into the newest (progress is coalesced). */
  edit(ref: MessageRef, msg: OutgoingMessage): Promise<void> {
    const channel = ref.chat.chat;
    return this.#track(
      this.#pacer.coalesce(`${channel}:${ref.id}`, channel, msg, (latest) =>
        this.#api.update({ channel, ts: ref.id, text: latest.text, blocks: messageBlocks(latest) }),
      ),
    );
  }

  delete(ref: MessageRef): Promise<void> {
    return this.#track(this.#pacer.run(ref.chat.chat, () => this.#api.delete(ref.chat.chat, ref.id)));
  }

  download(attachment: Attachment, destPath: string, signal?: AbortSignal): Promise<void> {
    return downloadFile(this.#api, attachment, destPath, signal);
  }

  sendFile(
    to: ChatAddress,
    path: string,
    options: { caption?: string; replyTo?: MessageRef } = {},
  ): Promise<MessageRef> {
    return this.#track(
      this.#pacer.run(to.chat, async () => {
        const r = await this.#api.upload({
          channel: to.chat,
          path,
          ...(to.thread ? { thread_ts: to.thread } : {}),
          ...(options.caption ? { comment: options.caption } : {}),
        });
        // Slack shares the file asynchronously and may not say where yet: the file id stands in
        return { chat: to, id: r.ts ?? `file:${r.fileId}` };
      }),
    );
  }

  #track<T>(write: Promise<T>): Promise<T> {
    this.#writes.add(write);
    const forget = () => this.#writes.delete(write);
    write.then(forget, forget);
    return write;
  }
}
