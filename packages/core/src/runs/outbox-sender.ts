import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logging/logger.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { Outbox, OutboxItem } from './outbox.js';

const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 300_000;

/**
 * Keeps trying answers whose first send failed (platform down, rate limited past the
 * transport's own retries), with backoff, until they go out; and flushes them one last time
 * when the daemon stops. Items are only ever sent by one path at a time.
 */
export class OutboxSender {
  readonly #stop = new AbortController();
  #loop: Promise<void> | undefined;
  #delay = FIRST_RETRY_MS;

  constructor(
    private readonly outbox: Outbox,
    private readonly hub: TransportHub,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  start(): void {
    this.#loop ??= this.#run();
  }

  /** Sends what is pending; returns how many are still pending (failed again). */
  async sendPending(marker?: string): Promise<number> {
    let failed = 0;
    for (const item of this.outbox.pending()) {
      if (!(await this.#send(item, marker))) failed++;
    }
    return failed;
  }

  /**
   * Sends items just recorded (a reason given instead of an answer): on failure they stay
   * pending for the retry loop, and after a crash they are re-sent at start — never lost.
   */
  async deliver(items: readonly OutboxItem[]): Promise<void> {
    for (const item of items) {
      if (!(await this.#send(item))) return;
    }
  }

  /** PERSIST: one bounded last attempt, then the loop ends; what is left goes at the next start. */
  async stop(boundMs: number): Promise<void> {
    this.#stop.abort();
    await this.#loop;
    if (boundMs <= 0) return;
    const bound = new AbortController();
    await Promise.race([this.sendPending(), this.clock.sleep(boundMs, bound.signal).catch(() => undefined)]);
    bound.abort();
  }

  async #send(item: OutboxItem, marker?: string): Promise<boolean> {
    if (!this.hub.has(item.chat.transport)) return false;
    // a run still delivering its own answer owns it; counting it as done here is right either way
    if (!this.outbox.begin(item)) return true;
    try {
      await this.hub.send(item.chat, {
        text: marker ? `${item.text}\n\n${marker}` : item.text,
        ...(item.replyTo ? { replyTo: item.replyTo } : {}),
      });
      this.outbox.confirm(item);
      return true;
    } catch (err) {
      this.log.warn({ err, chat: item.chat }, 'an answer could not be sent yet; it stays in the outbox');
      return false;
    } finally {
      this.outbox.end(item);
    }
  }

  async #run(): Promise<void> {
    while (!this.#stop.signal.aborted) {
      await this.clock.sleep(this.#delay, this.#stop.signal).catch(() => undefined);
      if (this.#stop.signal.aborted) return;
      try {
        const failed = await this.sendPending();
        this.#delay = failed > 0 ? Math.min(this.#delay * 2, MAX_RETRY_MS) : FIRST_RETRY_MS;
      } catch (err) {
        this.log.error({ err }, 'the outbox retry failed');
      }
    }
  }
}
