import type { Clock } from '@ferry/core';

interface Lane {
  tail: Promise<void>;
  /** When the lane's latest write began (clock ms). */
  last: number;
  /** Writes queued or running. */
  pending: number;
}

interface Coalesced<V> {
  value: V;
  readonly done: Promise<void>;
}

/** Lanes idle longer than this are forgotten, so the map stays as small as the active channels. */
const FORGET_AFTER_MS = 60_000;

/**
 * Paces writes per channel: one at a time, at least `intervalMs` apart (Slack allows about one
 * message per second per channel). Waiting edits of the same message collapse into one that
 * carries the newest content, so a slow channel never replays stale progress.
 */
export class ChannelPacer {
  readonly #lanes = new Map<string, Lane>();
  readonly #waiting = new Map<string, Coalesced<unknown>>();

  constructor(
    private readonly clock: Clock,
    private readonly intervalMs: () => number,
  ) {}

  /** Runs `write` in `channel`'s lane once its turn has come. */
  run<T>(channel: string, write: () => Promise<T>): Promise<T> {
    this.#forgetIdle();
    const lane = this.#lanes.get(channel) ?? {
      tail: Promise.resolve(),
      last: Number.NEGATIVE_INFINITY,
      pending: 0,
    };
    this.#lanes.set(channel, lane);
    lane.pending++;
    const result = lane.tail.then(async () => {
      const wait = lane.last + this.intervalMs() - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      lane.last = this.clock.now();
      return write();
    });
    const settled = () => {
      lane.pending--;
    };
    lane.tail = result.then(settled, settled);
    return result;
  }

  /**
   * Like `run`, but while a write for `key` still waits for its turn, a newer `value` replaces
   * the waiting one and both callers learn the outcome of the single write.
   */
  coalesce<V>(key: string, channel: string, value: V, write: (value: V) => Promise<void>): Promise<void> {
    const waiting = this.#waiting.get(key) as Coalesced<V> | undefined;
    if (waiting) {
      waiting.value = value;
      return waiting.done;
    }
    const entry = { value } as Coalesced<V>;
    Object.assign(entry, {
      done: this.run(channel, () => {
        // from here on a newer value must wait for the next turn
        this.#waiting.delete(key);
        return write(entry.value);
      }),
    });
    this.#waiting.set(key, entry as Coalesced<unknown>);
    return entry.done;
  }

  #forgetIdle(): void {
    if (this.#lanes.size < 100) return;
    const now = this.clock.now();
    for (const [channel, lane] of this.#lanes) {
      if (lane.pending === 0 && now - lane.last > FORGET_AFTER_MS) this.#lanes.delete(channel);
    }
  }
}
