import type { ChatAddress, Clock, Logger, MessageRef, OutgoingMessage } from '@ferry/core';
import { type Api, InputFile } from 'grammy';
import type { Message } from 'grammy/types';
import { callWithRetry } from './call-with-retry.js';
import { ChatLane } from './chat-lane.js';
import { isGone, isNotModified, isParseError } from './classify-failure.js';
import { grammySignal } from './grammy-signal.js';
import { markdownToHtml } from './markdown-to-html.js';
import { Pacer } from './pacer.js';
import { splitMessage, TELEGRAM_TEXT_LIMIT } from './split-message.js';
import type { TelegramConfig } from './telegram-config.js';
import { TelegramStoppedError } from './telegram-errors.js';
import { keyboardOf, replyOf } from './telegram-payload.js';
import { isPrivateChat, messageIdOf, type TelegramTarget, targetOf } from './telegram-target.js';

const CAPTION_LIMIT = 1024;
/** A waiting edit goes next after this many of its chat's slots, whatever its message. */
const EDIT_WAIT_SLOTS = 5;
/** Texts last shown per message, to skip edits that would change nothing. */
const REMEMBERED = 1000;

export interface SenderDeps {
  readonly api: Api;
  readonly clock: Clock;
  readonly log: Logger;
  readonly config: () => TelegramConfig;
}

interface Lane {
  readonly queue: ChatLane;
  readonly pacer: Pacer;
}

/**
 * Everything the bot says, through one lane per chat: Telegram's pacing per chat and per
 * bot, 429 waits, retries, Markdown rendered as HTML with a plain-text fallback, and
 * "message is not modified" taken as the success it is.
 */
export class MessageSender {
  readonly #lanes = new Map<string, Lane>();
  readonly #global: Pacer;
  readonly #shown = new Map<string, string>();
  readonly #stop = new AbortController();

  constructor(private readonly d: SenderDeps) {
    this.#global = new Pacer(() => d.config().global_interval_ms);
  }

  async send(to: ChatAddress, msg: OutgoingMessage): Promise<MessageRef> {
    const target = targetOf(to);
    // the presenter splits answers; this catches any other long text (e.g. a re-sent answer)
    const parts = splitMessage(msg.text, TELEGRAM_TEXT_LIMIT);
    return this.#lane(target.chat_id).queue.send(async () => {
      let first: Message.TextMessage | undefined;
      for (const [i, text] of parts.entries()) {
        const last = i === parts.length - 1;
        const sent = await this.#sendText(target, text, msg, last);
        first ??= sent;
      }
      return { chat: to, id: String(first!.message_id) };
    });
  }

  async edit(ref: MessageRef, msg: OutgoingMessage): Promise<void> {
    const target = targetOf(ref.chat);
    const messageId = messageIdOf(ref);
    // an edit cannot become two messages: a too-long edit keeps its start
    const text =
      msg.text.length > TELEGRAM_TEXT_LIMIT ? `${msg.text.slice(0, TELEGRAM_TEXT_LIMIT - 1)}…` : msg.text;
    const key = `${target.chat_id}:${messageId}`;
    return this.#lane(target.chat_id).queue.edit(ref.id, async () => {
      const markup = keyboardOf(msg);
      const html = markdownToHtml(text);
      const signature = JSON.stringify([html, markup ?? null]);
      if (this.#shown.get(key) === signature) return;
      const base = {
        chat_id: target.chat_id,
        message_id: messageId,
        link_preview_options: { is_disabled: true },
      };
      const extra = markup ? { reply_markup: markup } : {};
      try {
        await this.#withFallback(
          'editMessageText',
          target,
          (signal) =>
            this.d.api.raw.editMessageText(
              { ...base, ...extra, text: html, parse_mode: 'HTML' },
              grammySignal(signal),
            ),
          (signal) => this.d.api.raw.editMessageText({ ...base, ...extra, text }, grammySignal(signal)),
        );
      } catch (err) {
        if (!isNotModified(err)) throw err;
      }
      this.#remember(key, signature);
    });
  }

  async delete(ref: MessageRef): Promise<void> {
    const target = targetOf(ref.chat);
    const messageId = messageIdOf(ref);
    return this.#lane(target.chat_id).queue.delete(ref.id, async () => {
      try {
        await this.#call('deleteMessage', target, (signal) =>
          this.d.api.raw.deleteMessage(
            { chat_id: target.chat_id, message_id: messageId },
            grammySignal(signal),
          ),
        );
      } catch (err) {
        // already gone is what was asked for
        if (!isGone(err)) throw err;
      }
      this.#shown.delete(`${target.chat_id}:${messageId}`);
    });
  }

  async sendFile(
    to: ChatAddress,
    path: string,
    options: { caption?: string; replyTo?: MessageRef } = {},
  ): Promise<MessageRef> {
    const target = targetOf(to);
    return this.#lane(target.chat_id).queue.send(async () => {
      const sent = await this.#call('sendDocument', target, (signal) =>
        this.d.api.raw.sendDocument(
          {
            ...target,
            // a fresh InputFile per attempt: a retried upload re-reads the file
            document: new InputFile(path),
            ...(options.caption ? { caption: options.caption.slice(0, CAPTION_LIMIT) } : {}),
            ...replyOf(options.replyTo),
          },
          grammySignal(signal),
        ),
      );
      return { chat: to, id: String(sent.message_id) };
    });
  }

  /** Requests still queued or running, over all chats. */
  get pending(): number {
    let n = 0;
    for (const lane of this.#lanes.values()) n += lane.queue.size;
    return n;
  }

  /**
   * Lets queued requests go out for up to `timeoutMs`, then fails the rest with
   * TelegramStoppedError and aborts the one in flight.
   */
  async close(timeoutMs: number): Promise<void> {
    const timer = new AbortController();
    try {
      await Promise.race([
        Promise.all([...this.#lanes.values()].map((l) => l.queue.whenIdle())),
        this.d.clock.sleep(timeoutMs, timer.signal).catch(() => undefined),
      ]);
    } finally {
      timer.abort();
    }
    const left = this.pending;
    if (left > 0) this.d.log.warn({ left }, 'telegram: stopping with messages still queued');
    const reason = new TelegramStoppedError(
      'telegram: the transport stopped before this request could be sent',
    );
    for (const lane of this.#lanes.values()) lane.queue.abort(reason);
    this.#stop.abort(reason);
  }

  async #sendText(
    target: TelegramTarget,
    text: string,
    msg: OutgoingMessage,
    last: boolean,
  ): Promise<Message.TextMessage> {
    const markup = last ? keyboardOf(msg) : undefined;
    const base = {
      ...target,
      link_preview_options: { is_disabled: true },
      ...replyOf(msg.replyTo),
      ...(msg.silent ? { disable_notification: true } : {}),
      ...(markup ? { reply_markup: markup } : {}),
    };
    return this.#withFallback(
      'sendMessage',
      target,
      (signal) =>
        this.d.api.raw.sendMessage(
          { ...base, text: markdownToHtml(text), parse_mode: 'HTML' },
          grammySignal(signal),
        ),
      (signal) => this.d.api.raw.sendMessage({ ...base, text }, grammySignal(signal)),
    );
  }

  /** Sends as HTML; if Telegram cannot parse it after all, the same text goes out plain: never lose an answer. */
  async #withFallback<T>(
    method: string,
    target: TelegramTarget,
    html: (signal: AbortSignal) => Promise<T>,
    plain: (signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    try {
      return await this.#call(method, target, html);
    } catch (err) {
      if (!isParseError(err)) throw err;
      // the description only: the request's payload is the user's answer
      const problem = (err as { description?: string }).description;
      this.d.log.warn({ method, problem }, 'telegram: could not render as HTML; sending plain text');
      return this.#call(method, target, plain);
    }
  }

  #call<T>(method: string, target: TelegramTarget, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const c = this.d.config();
    const lanePacer = this.#lane(target.chat_id).pacer;
    const pacers = [lanePacer, this.#global];
    const signal = this.#stop.signal;
    return callWithRetry(() => call(signal), {
      clock: this.d.clock,
      log: this.d.log,
      method,
      signal,
      baseMs: c.retry_base_ms,
      maxMs: c.retry_max_ms,
      maxAttempts: c.max_attempts,
      beforeAttempt: () => Pacer.turn(this.d.clock, pacers, signal),
      afterAttempt: () => lanePacer.finished(this.d.clock.now()),
    });
  }

  #lane(chatId: number | string): Lane {
    const key = String(chatId);
    let lane = this.#lanes.get(key);
    if (!lane) {
      const cfg = this.d.config;
      const interval = isPrivateChat(chatId)
        ? () => cfg().private_interval_ms
        : () => cfg().group_interval_ms;
      const pacer = new Pacer(interval);
      const queue = new ChatLane({
        beforeNext: () => Pacer.ready(this.d.clock, [pacer, this.#global], this.#stop.signal),
        now: () => this.d.clock.now(),
        maxEditWaitMs: () => EDIT_WAIT_SLOTS * interval(),
      });
      lane = { queue, pacer };
      this.#lanes.set(key, lane);
    }
    return lane;
  }

  #remember(key: string, signature: string): void {
    this.#shown.delete(key);
    this.#shown.set(key, signature);
    if (this.#shown.size > REMEMBERED) this.#shown.delete(this.#shown.keys().next().value!);
  }
}
