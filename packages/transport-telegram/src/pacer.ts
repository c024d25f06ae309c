import type { Clock } from '@ferry/core';

/** Keeps requests of one scope (a chat, or the whole bot) at least `interval()` apart. */
export class Pacer {
  #next = 0;

  constructor(readonly interval: () => number) {}

  /**
   * Waits for a slot that suits every pacer at once. The slot is reserved synchronously
   * before waiting, so concurrent callers queue up instead of racing for the same moment.
   */
  /**
   * A request of this scope just finished: the next one waits a full interval from now.
   * Counting from the answer, not the departure, keeps the gap on Telegram's side even when
   * a busy process sent the previous request late (a chat's requests go one at a time).
   */
  finished(now: number): void {
    this.#next = Math.max(this.#next, now + this.interval());
  }

  /** Waits until every pacer has a free slot, without taking it. */
  static async ready(clock: Clock, pacers: readonly Pacer[], signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = Math.max(...pacers.map((p) => p.#next)) - clock.now();
      if (wait <= 0) return;
      await clock.sleep(wait, signal);
    }
  }

  static async turn(clock: Clock, pacers: readonly Pacer[], signal?: AbortSignal): Promise<void> {
    const now = clock.now();
    const at = Math.max(now, ...pacers.map((p) => p.#next));
    for (const p of pacers) p.#next = at + p.interval();
    if (at <= now) return;
    await clock.sleep(at - now, signal);
    // timers fire late when the process is busy: count the interval from the real departure
    const left = clock.now();
    for (const p of pacers) p.#next = Math.max(p.#next, left + p.interval());
  }
}
