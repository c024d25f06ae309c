import type { Clock, Logger } from '@ferry/core';
import type { Api } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { backoffMs } from './call-with-retry.js';
import { classifyFailure, type Failure } from './classify-failure.js';
import { grammySignal } from './grammy-signal.js';
import type { TelegramConfig } from './telegram-config.js';
import { TelegramConflictError, TelegramUnauthorizedError } from './telegram-errors.js';

/** A conflict is logged as an error again only after this long (it is one problem, not many). */
const CONFLICT_LOG_EVERY_MS = 10 * 60_000;
/** An instance that met the conflict before it had ever polled backs off this much harder. */
const INTRUDER_FACTOR = 4;

export interface PollerDeps {
  readonly api: Api;
  readonly clock: Clock;
  readonly log: Logger;
  readonly config: () => TelegramConfig;
  /** The offset to start from (the journal's cursor), or undefined for "everything pending". */
  readonly startOffset: number | undefined;
  /** Called once the bot is known, before the first poll. */
  readonly onIdentity: (me: UserFromGetMe) => void;
  /** Journals a batch; must resolve only once it is durable. The next poll confirms it to Telegram. */
  readonly deliver: (updates: readonly Update[], nextOffset: number) => Promise<void>;
}

/**
 * The long-polling loop. The offset moves only after `deliver` resolved, so Telegram hears
 * "confirmed" only for updates already journaled (STYLE rule 10); nothing is dropped at
 * start, so messages sent while Ferry was down arrive now. Failures never end the loop,
 * except a rejected token.
 */
export class UpdatePoller {
  readonly #stop = new AbortController();
  #offset: number | undefined;
  #identified = false;
  /** A long poll has come back at least once: this instance was polling before any conflict. */
  #established = false;
  #intruder: boolean | undefined;
  #conflicts = 0;
  #failures = 0;
  #lastConflictLog = Number.NEGATIVE_INFINITY;
  #loop: Promise<void> | undefined;
  #ready!: { resolve: () => void; reject: (err: unknown) => void; settled: boolean };
  readonly ready: Promise<void>;

  constructor(private readonly d: PollerDeps) {
    this.#offset = d.startOffset;
    this.ready = new Promise<void>((resolve, reject) => {
      this.#ready = { resolve, reject, settled: false };
    });
    // a start() that nobody awaits any more must not become an unhandled rejection
    this.ready.catch(() => undefined);
  }

  /** Starts the loop; `ready` settles after the first poll (or the first failure). */
  start(): void {
    this.#loop ??= this.#run();
  }

  async stop(): Promise<void> {
    this.#stop.abort();
    await this.#loop;
  }

  get offset(): number | undefined {
    return this.#offset;
  }

  async #run(): Promise<void> {
    const signal = this.#stop.signal;
    let first = true;
    while (!signal.aborted) {
      try {
        if (!this.#identified) await this.#identify(signal);
        const cfg = this.d.config();
        const updates = await this.d.api.raw.getUpdates(
          {
            ...(this.#offset !== undefined ? { offset: this.#offset } : {}),
            limit: 100,
            // the first call only collects the backlog, so start() is not held up by a long poll
            timeout: first ? 0 : cfg.poll_timeout_s,
            allowed_updates: ['message', 'callback_query'],
          },
          grammySignal(signal),
        );
        if (!first) this.#established = true;
        first = false;
        this.#recovered();
        this.#settle();
        if (updates.length > 0) {
          const next = updates[updates.length - 1]!.update_id + 1;
          await this.#deliver(updates, next);
        }
      } catch (err) {
        if (signal.aborted) break;
        const wait = this.#failed(err);
        if (wait === undefined) return;
        this.#settle();
        await this.d.clock.sleep(wait, signal).catch(() => undefined);
      }
    }
  }

  /** Who we are (for logs and `/cmd@bot`), and no webhook: polling and a webhook exclude each other. */
  async #identify(signal: AbortSignal): Promise<void> {
    const me = await this.d.api.raw.getMe(grammySignal(signal));
    // never drop_pending_updates: those are the messages sent while Ferry was down
    await this.d.api.raw.deleteWebhook({ drop_pending_updates: false }, grammySignal(signal));
    this.#identified = true;
    this.d.onIdentity(me);
    this.d.log.info({ bot: me.username, offset: this.#offset ?? null }, 'telegram: polling for updates');
  }

  async #deliver(updates: readonly Update[], next: number): Promise<void> {
    try {
      await this.d.deliver(updates, next);
    } catch (err) {
      // not confirmed, so Telegram sends them again on the next poll
      this.d.log.error(
        { err, count: updates.length },
        'telegram: could not journal updates; fetching them again',
      );
      this.#failures++;
      await this.d.clock.sleep(this.#transientWait(), this.#stop.signal).catch(() => undefined);
      return;
    }
    this.#offset = next;
  }

  /** Logs a failed poll and says how long to wait, or undefined when polling must end. */
  #failed(err: unknown): number | undefined {
    const f = classifyFailure(err);
    switch (f.kind) {
      case 'unauthorized': {
        const error = new TelegramUnauthorizedError(
          'telegram: the bot token was rejected (401 Unauthorized); polling stopped. Set transports.telegram.bot_token to the token BotFather gave',
          { cause: err },
        );
        this.d.log.error({ err: error }, error.message);
        this.#settle(error);
        return undefined;
      }
      case 'conflict':
        return this.#conflict(f, err);
      case 'flood':
        this.d.log.warn(
          { retryAfterMs: f.retryAfterMs },
          'telegram: getUpdates hit flood control (429), waiting',
        );
        return f.retryAfterMs;
      case 'rejected':
        this.#failures++;
        this.d.log.error(
          { code: f.code, problem: f.description },
          'telegram: getUpdates was refused; retrying',
        );
        return this.#transientWait();
      default: {
        this.#failures++;
        const wait = this.#transientWait();
        const level = this.#failures === 1 ? 'warn' : 'debug';
        this.d.log[level](
          { problem: f.description, wait, failures: this.#failures },
          'telegram: cannot reach Telegram; retrying',
        );
        return wait;
      }
    }
  }

  #conflict(f: Failure, err: unknown): number {
    const cfg = this.d.config();
    if (/webhook/i.test(f.description)) {
      // someone set a webhook meanwhile; polling needs it gone (pending updates kept)
      this.#identified = false;
      this.d.log.warn('telegram: a webhook was set for this bot; removing it to keep polling');
      return cfg.retry_base_ms;
    }
    this.#conflicts++;
    // Decided once: whoever met the conflict before its first long poll came back is the
    // newcomer and yields, so the instance that was already working keeps the updates.
    this.#intruder ??= !this.#established;
    const now = this.d.clock.now();
    if (now - this.#lastConflictLog >= CONFLICT_LOG_EVERY_MS) {
      this.#lastConflictLog = now;
      const error = new TelegramConflictError(
        'telegram: 409 Conflict — another bot instance polls this token (a second Ferry, or another bot program); stop the other one. Retrying with backoff',
        { cause: err },
      );
      this.d.log.error({ err: error, yielding: this.#intruder }, error.message);
    } else {
      this.d.log.debug({ conflicts: this.#conflicts }, 'telegram: still in conflict with another poller');
    }
    return this.#intruder
      ? backoffMs(this.#conflicts, cfg.retry_base_ms * INTRUDER_FACTOR, cfg.retry_max_ms)
      : cfg.retry_base_ms;
  }

  #transientWait(): number {
    const cfg = this.d.config();
    return backoffMs(this.#failures, cfg.retry_base_ms, cfg.retry_max_ms);
  }

  #recovered(): void {
    if (this.#failures > 1) this.d.log.info({ failures: this.#failures }, 'telegram: reachable again');
    this.#failures = 0;
  }

  #settle(error?: unknown): void {
    if (this.#ready.settled) return;
    this.#ready.settled = true;
    if (error) this.#ready.reject(error);
    else this.#ready.resolve();
  }
}
