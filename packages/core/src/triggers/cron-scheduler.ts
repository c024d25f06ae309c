import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logging/logger.js';
import type { CronSchedule } from './cron-schedule.js';

/**
 * Longest single sleep. Node's timers overflow past ~24.8 days (and fire at once), and waking
 * hourly also re-reads the wall clock after a suspend or a clock change.
 */
const MAX_SLEEP_MS = 3_600_000;

/** Fires one slot; must not throw (the scheduler would stop that cron). */
export type FireSlot = (id: string, slot: number) => Promise<void>;

interface Job {
  readonly schedule: CronSchedule;
  readonly controller: AbortController;
  readonly loop: Promise<void>;
  next: number | undefined;
}

/**
 * Timers for crons, on the injected clock: croner only says when the next slot is, the clock
 * sleeps until then. One loop per cron; replacing or removing a cron aborts its loop.
 */
export class CronScheduler {
  readonly #jobs = new Map<string, Job>();

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly fire: FireSlot,
  ) {}

  /** Schedules `id` from the first slot strictly after `afterMs` (replacing any loop it had). */
  set(id: string, schedule: CronSchedule, afterMs: number): void {
    this.remove(id);
    const controller = new AbortController();
    const job: Job = { schedule, controller, loop: Promise.resolve(), next: undefined };
    this.#jobs.set(id, job);
    Object.assign(job, { loop: this.#run(id, job, afterMs, controller.signal) });
  }

  remove(id: string): void {
    const job = this.#jobs.get(id);
    if (!job) return;
    job.controller.abort();
    this.#jobs.delete(id);
  }

  has(id: string): boolean {
    return this.#jobs.has(id);
  }

  ids(): string[] {
    return [...this.#jobs.keys()];
  }

  /** The slot the cron waits for, if scheduled. */
  next(id: string): number | undefined {
    return this.#jobs.get(id)?.next;
  }

  /** Stops every loop and waits for a fire in progress to finish (it is journaling). */
  async stopAll(): Promise<void> {
    const jobs = [...this.#jobs.values()];
    this.#jobs.clear();
    for (const job of jobs) job.controller.abort();
    await Promise.allSettled(jobs.map((j) => j.loop));
  }

  async #run(id: string, job: Job, afterMs: number, signal: AbortSignal): Promise<void> {
    let after = afterMs;
    try {
      while (!signal.aborted) {
        const slot = job.schedule.nextAfter(after);
        job.next = slot;
        if (slot === undefined) return;
        for (let now = this.clock.now(); now < slot; now = this.clock.now()) {
          await this.clock.sleep(Math.min(slot - now, MAX_SLEEP_MS), signal);
        }
        if (signal.aborted) return;
        await this.fire(id, slot);
        after = slot;
      }
    } catch (err) {
      if (signal.aborted) return;
      this.log.error(
        { err, cron: id },
        'cron loop failed; the cron stops until the next config change or start',
      );
    } finally {
      if (this.#jobs.get(id) === job && !signal.aborted) this.#jobs.delete(id);
    }
  }
}
