import type { ChatAddress } from '../api/chat-address.js';
import { formatChatAddress, sessionKeyOf } from '../api/chat-address.js';
import type { InboundEvent } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logging/logger.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { AtJob, AtJobs } from './at-jobs.js';
import { AtLimitError } from './trigger-errors.js';
import { atEvent } from './trigger-events.js';

/** Longest single sleep (see cron-scheduler.ts); also how long after a failed journal write it retries. */
const MAX_SLEEP_MS = 3_600_000;
const RETRY_MS = 5_000;
/** Fired and cancelled jobs are kept this long (for nothing but an operator's curiosity). */
const KEEP_DONE_MS = 30 * 86_400_000;

export interface AtRunnerDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly hub: TransportHub;
  readonly jobs: AtJobs;
  readonly maxPerChat: () => number;
  readonly submit: (events: readonly InboundEvent[]) => Promise<unknown>;
}

/**
 * Fires `/at` jobs when due, on the injected clock. One loop sleeps until the soonest job; a new
 * job wakes it. A job due while Ferry was down fires at start.
 */
export class AtRunner {
  #stop: AbortController | undefined;
  #loop: Promise<void> | undefined;
  /** Aborts the current sleep; set when a job was added while the loop was busy. */
  #timer: AbortController | undefined;
  #woken = false;

  constructor(private readonly d: AtRunnerDeps) {}

  start(): void {
    if (this.#loop) return;
    this.d.jobs.prune(this.d.clock.now() - KEEP_DONE_MS);
    this.#stop = new AbortController();
    this.#loop = this.#run(this.#stop.signal);
  }

  async stop(): Promise<void> {
    this.#stop?.abort();
    await this.#loop;
    this.#loop = undefined;
  }

  add(chat: ChatAddress, delayMs: number, prompt: string): AtJob {
    const session = sessionKeyOf(chat);
    const max = this.d.maxPerChat();
    if (this.d.jobs.count(session) >= max)
      throw new AtLimitError(
        `this chat already has ${max} pending /at jobs ([triggers] at_max_per_chat); cancel one with /at cancel <id>`,
      );
    const job = this.d.jobs.add(chat, prompt, this.d.clock.now() + delayMs);
    this.#woken = true;
    this.#timer?.abort();
    return job;
  }

  async #run(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      let wait: number;
      try {
        for (const job of this.d.jobs.due(this.d.clock.now())) {
          if (signal.aborted) return;
          await this.#fire(job);
        }
        const next = this.d.jobs.nextDue();
        wait =
          next === undefined ? MAX_SLEEP_MS : Math.min(Math.max(0, next - this.d.clock.now()), MAX_SLEEP_MS);
      } catch (err) {
        this.d.log.error({ err }, 'could not fire /at jobs; retrying');
        wait = RETRY_MS;
      }
      if (this.#woken) {
        this.#woken = false;
        continue;
      }
      const timer = new AbortController();
      this.#timer = timer;
      const onStop = () => timer.abort();
      signal.addEventListener('abort', onStop, { once: true });
      try {
        await this.d.clock.sleep(wait, timer.signal).catch(() => undefined);
      } finally {
        signal.removeEventListener('abort', onStop);
        this.#timer = undefined;
        timer.abort(); // a losing timer must not hold the event loop open
      }
    }
  }

  /** Journal first, then mark fired: a crash in between journals it again, and the key `at:<id>` dedupes. */
  async #fire(job: AtJob): Promise<void> {
    if (!this.d.hub.has(job.chat.transport)) {
      this.d.log.warn(
        { at: job.id, chat: formatChatAddress(job.chat) },
        '/at job for a transport that is not running; dropped',
      );
      this.d.jobs.fired(job.id);
      return;
    }
    await this.d.submit([atEvent(job, this.d.clock.now())]);
    this.d.jobs.fired(job.id);
  }
}
