import type { Clock } from '../clock/clock.js';
import type { Notifier } from './notifier.js';
import { DRAIN_HEADROOM_MS } from './stop-timeout.js';

/** Extend once systemd's remaining wait is this short: more than one drain countdown tick (5 s). */
const EXTEND_WHEN_LEFT_MS = 10_000;
/** Each extension is short, so a daemon that hangs mid-drain is still killed soon. */
const EXTEND_STEP_MS = 20_000;

/**
 * Keeps systemd's stop timer ahead of a drain that legitimately needs longer than the stop
 * timeout (`EXTEND_TIMEOUT_USEC`, sd_notify(3)). systemd starts that timer with STOPPING=1 (or
 * its SIGTERM) and only ever lengthens it on an extension, so the extensions come in steps,
 * each sent before the previous one runs out, and stop once the drain deadline plus the
 * headroom PERSIST needs is covered. Call `tick()` when the drain starts and on each countdown tick.
 */
export class StopTimeoutExtender {
  /** Epoch ms until which systemd waits; Infinity when no stop timeout is known. */
  #granted: number;

  constructor(
    private readonly notifier: Notifier,
    private readonly clock: Clock,
    stopTimeoutMs: number | undefined,
    /** The drain deadline (epoch ms). */
    deadline: number,
    private readonly needUntil = deadline + DRAIN_HEADROOM_MS,
  ) {
    this.#granted =
      stopTimeoutMs === undefined || !Number.isFinite(stopTimeoutMs)
        ? Number.POSITIVE_INFINITY
        : clock.now() + stopTimeoutMs;
  }

  tick(): void {
    const now = this.clock.now();
    if (this.#granted >= this.needUntil || this.#granted - now > EXTEND_WHEN_LEFT_MS) return;
    const step = Math.min(this.needUntil - now, EXTEND_STEP_MS);
    if (step <= 0) return;
    this.notifier.notify({ EXTEND_TIMEOUT_USEC: String(Math.ceil(step) * 1000) });
    this.#granted = now + step;
  }
}
