import {
  type Attachment,
  type ChatAddress,
  CLOCK,
  type Clock,
  type CommandInfo,
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
import { Api } from 'grammy';
import type { File, Update, UserFromGetMe } from 'grammy/types';
import { callWithRetry } from './call-with-retry.js';
import { ChatGate } from './chat-gate.js';
import { isQueryTooOld } from './classify-failure.js';
import { downloadFile } from './download-file.js';
import { grammySignal } from './grammy-signal.js';
import { MessageSender } from './message-sender.js';
import { TELEGRAM_TEXT_LIMIT } from './split-message.js';
import { HOT_KEYS, type TelegramConfig } from './telegram-config.js';
import { TelegramDownloadError } from './telegram-errors.js';
import { TelegramPresenter } from './telegram-presenter.js';
import { mapUpdate } from './update-mapper.js';
import { UpdatePoller } from './update-poller.js';

const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;

/** The Telegram transport: long polling in, paced lanes out (DESIGN §2, PLATFORMS.md). */
@injectable()
export class TelegramTransport implements Transport {
  readonly id = 'telegram';
  readonly presenter = new TelegramPresenter();
  #config: TelegramConfig;
  readonly #api: Api;
  readonly #sender: MessageSender;
  readonly #gate: ChatGate;
  #poller: UpdatePoller | undefined;
  #starting: Promise<void> | undefined;
  #stopping: Promise<void> | undefined;
  #me: UserFromGetMe | undefined;
  readonly #stop = new AbortController();
  #publishing: Promise<void> = Promise.resolve();

  constructor(
    @inject(PLUGIN_CONFIG) config: TelegramConfig,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(PLUGIN_CONTEXT) private readonly ctx: PluginContext,
  ) {
    this.#config = config;
    this.#api = new Api(config.bot_token, {
      apiRoot: config.api_root,
      // grammY's own timer only guards against a hung connection; it must outlast a long poll
      // and a slow upload
      timeoutSeconds: Math.max(60, config.poll_timeout_s + 30),
    });
    const settings = () => this.#config;
    this.#sender = new MessageSender({ api: this.#api, clock, log: ctx.logger, config: settings });
    this.#gate = new ChatGate(settings, ctx);
  }

  get capabilities(): TransportCapabilities {
    return {
      edit: true,
      delete: true,
      buttons: true,
      maxTextLength: TELEGRAM_TEXT_LIMIT,
      // per chat type really (groups are slower); the lanes pace groups and coalesce edits
      minEditIntervalMs: this.#config.private_interval_ms,
    };
  }

  /** The journal cursor: per bot, so a new token never reuses another bot's offset. */
  get cursorKey(): string {
    return `telegram:${this.#config.bot_token.split(':')[0]}:offset`;
  }

  start(ingress: IngressSink): Promise<void> {
    this.#starting ??= this.#start(ingress);
    return this.#starting;
  }

  async #start(ingress: IngressSink): Promise<void> {
    const stored = ingress.cursor(this.cursorKey);
    const poller = new UpdatePoller({
      api: this.#api,
      clock: this.clock,
      log: this.ctx.logger,
      config: () => this.#config,
      startOffset: stored === undefined ? undefined : Number(stored),
      onIdentity: (me) => {
        this.#me = me;
      },
      deliver: (updates, next) => this.#deliver(ingress, updates, next),
    });
    this.#poller = poller;
    poller.start();
    // resolves once the backlog poll answered, or once a retryable failure was logged: an
    // unreachable Telegram must not hold up the daemon, only a rejected token stops it
    await poller.ready;
  }

  stop(): Promise<void> {
    this.#stopping ??= (async () => {
      this.#stop.abort();
      await this.#poller?.stop();
      await this.#publishing;
      await this.#sender.close(this.#config.stop_timeout_ms);
    })();
    return this.#stopping;
  }

  /** The main chat hears about the daemon itself (a rejected config edit, a restart needed). */
  adminChats(): readonly ChatAddress[] {
    const chat = this.#config.chat_id;
    return chat === undefined ? [] : [{ transport: 'telegram', chat: String(chat) }];
  }

  /** `ferry doctor`: does the token work against this api_root, and which bot is it. */
  async check(signal?: AbortSignal): Promise<TransportHealth> {
    try {
      const me = await this.#api.raw.getMe(signal && grammySignal(signal));
      return { ok: true, detail: `@${me.username} (id ${me.id}) at ${this.#config.api_root}` };
    } catch (err) {
      return { ok: false, detail: `getMe failed at ${this.#config.api_root}: ${(err as Error).message}` };
    }
  }

  send(to: ChatAddress, msg: OutgoingMessage): Promise<MessageRef> {
    return this.#sender.send(to, msg);
  }

  edit(ref: MessageRef, msg: OutgoingMessage): Promise<void> {
    return this.#sender.edit(ref, msg);
  }

  delete(ref: MessageRef): Promise<void> {
    return this.#sender.delete(ref);
  }

  sendFile(
    to: ChatAddress,
    path: string,
    options?: { caption?: string; replyTo?: MessageRef },
  ): Promise<MessageRef> {
    return this.#sender.sendFile(to, path, options);
  }

  /**
   * Publishes the menu in the background: it is cosmetic, and an unreachable Telegram must not
   * hold up the daemon's start (the host awaits this). Failures are logged.
   */
  async setCommands(commands: readonly CommandInfo[]): Promise<void> {
    const valid = commands.filter((c) => COMMAND_NAME.test(c.name)).slice(0, 100);
    const skipped = commands.filter((c) => !COMMAND_NAME.test(c.name)).map((c) => c.name);
    if (skipped.length) {
      this.ctx.logger.warn(
        { skipped },
        'telegram: command names Telegram does not accept were left out of the menu',
      );
    }
    const menu = valid.map((c) => ({
      command: c.name,
      description: (c.description.trim() || c.name).slice(0, 256),
    }));
    this.#publishing = this.#publishing
      .then(() =>
        this.#retrying('setMyCommands', (signal) =>
          this.#api.raw.setMyCommands({ commands: menu }, grammySignal(signal)),
        ),
      )
      .then(
        () => undefined,
        (err: unknown) => {
          if (!this.#stop.signal.aborted)
            this.ctx.logger.warn({ err }, 'telegram: could not publish the command menu');
        },
      );
  }

  /** Resolves once the last command menu was published (or given up on). */
  get commandsPublished(): Promise<void> {
    return this.#publishing;
  }

  /** getFile, then the file itself (at most 20 MB: a Bot API limit). */
  async download(attachment: Attachment, destPath: string, signal?: AbortSignal): Promise<void> {
    let file: File;
    try {
      file = await this.#retrying(
        'getFile',
        (s) => this.#api.raw.getFile({ file_id: attachment.id }, grammySignal(s)),
        signal,
      );
    } catch (err) {
      // e.g. "file is too big" (over 20 MB) or an expired file_id
      throw new TelegramDownloadError(
        `telegram: cannot fetch ${attachment.name}: ${(err as Error).message}`,
        { cause: err },
      );
    }
    await downloadFile(this.#config, file, attachment.name, destPath, signal);
  }

  onConfigChange(delta: ConfigDelta): ConfigChangeVerdict {
    const keys = delta.keys.map((k) => k.replace(/^transports\.telegram\./, '').split('.')[0]!);
    return keys.every((k) => HOT_KEYS.has(k)) ? 'hot' : 'restart';
  }

  async applyConfig(next: unknown): Promise<void> {
    // the schema validated it; only hot keys are taken (the others wait for a restart)
    const incoming = next as Record<string, unknown>;
    const hot = Object.fromEntries(Object.entries(incoming).filter(([k]) => HOT_KEYS.has(k)));
    this.#config = { ...this.#config, ...hot } as TelegramConfig;
  }

  async #deliver(ingress: IngressSink, updates: readonly Update[], next: number): Promise<void> {
    const events = [];
    /** Button presses refused here, with the toast that says why. */
    const refused = new Map<string, string>();
    for (const update of updates) {
      const mapped = mapUpdate(update, this.#me?.username, this.clock.now());
      const refusal = mapped && update.callback_query ? this.#gate.refusesPress(mapped) : undefined;
      if (!mapped) {
        this.ctx.logger.debug({ update: update.update_id }, 'telegram: nothing to act on in an update');
      } else if (refusal && update.callback_query) {
        refused.set(update.callback_query.id, refusal);
        this.ctx.logger.info(
          { chat: mapped.event.chat.chat, user: mapped.userId },
          'telegram: refused a button press from a user who may not answer',
        );
      } else if (!this.#gate.allows(mapped)) {
        this.ctx.logger.debug(
          { chat: mapped.event.chat.chat, user: mapped.userId, kind: mapped.event.kind },
          'telegram: ignored an update from a chat or user that may not talk to Ferry',
        );
      } else {
        events.push(mapped.event);
      }
    }
    // ignored updates advance the cursor too, or Telegram would send them forever
    await ingress.accept(events, { key: this.cursorKey, value: String(next) });
    for (const update of updates) {
      const id = update.callback_query?.id;
      if (id) void this.#answer(id, refused.get(id));
    }
  }

  /**
   * Answers a button press so the user's client stops its spinner; not paced (not a message).
   * `toast` is shown to the presser alone (a refused press changes nothing else).
   */
  async #answer(queryId: string, toast?: string): Promise<void> {
    try {
      await this.#retrying(
        'answerCallbackQuery',
        (signal) =>
          this.#api.raw.answerCallbackQuery(
            { callback_query_id: queryId, ...(toast ? { text: toast } : {}) },
            grammySignal(signal),
          ),
        undefined,
        2,
      );
    } catch (err) {
      // a press replayed after a restart is too old to answer; nothing is lost by that
      this.ctx.logger[isQueryTooOld(err) ? 'debug' : 'warn'](
        { err },
        'telegram: could not answer a button press',
      );
    }
  }

  #retrying<T>(
    method: string,
    call: (signal: AbortSignal) => Promise<T>,
    signal?: AbortSignal,
    maxAttempts = this.#config.max_attempts,
  ): Promise<T> {
    const s = signal ? AbortSignal.any([signal, this.#stop.signal]) : this.#stop.signal;
    return callWithRetry(() => call(s), {
      clock: this.clock,
      log: this.ctx.logger,
      method,
      signal: s,
      baseMs: this.#config.retry_base_ms,
      maxMs: this.#config.retry_max_ms,
      maxAttempts,
    });
  }
}
