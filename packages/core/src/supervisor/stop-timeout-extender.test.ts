import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import type { Notifier } from './notifier.js';
import { drainStopMismatch, knownStopTimeout } from './stop-timeout.js';
import { StopTimeoutExtender } from './stop-timeout-extender.js';

function recorder(): Notifier & { sent: Record<string, string>[] } {
  const sent: Record<string, string>[] = [];
  return { sent, notify: (s) => void sent.push({ ...s }), close: () => undefined };
}

/** Ticks every 5 s as the drain countdown does, until `untilMs` after the start. */
async function drainFor(clock: ManualClock, ext: StopTimeoutExtender, untilMs: number): Promise<void> {
  ext.tick();
  for (let t = 5_000; t <= untilMs; t += 5_000) {
    await clock.advance(5_000);
    ext.tick();
  }
}

describe('StopTimeoutExtender', () => {
  it('sends nothing while the stop timeout covers the drain and its headroom', async () => {
    const clock = new ManualClock();
    const n = recorder();
    await drainFor(clock, new StopTimeoutExtender(n, clock, 150_000, clock.now() + 120_000), 120_000);
    expect(n.sent).toEqual([]);
  });

  it('sends nothing when no stop timeout is known or it is infinite', async () => {
    const clock = new ManualClock();
    const n = recorder();
    await drainFor(clock, new StopTimeoutExtender(n, clock, undefined, clock.now() + 60_000), 60_000);
    await drainFor(
      clock,
      new StopTimeoutExtender(n, clock, Number.POSITIVE_INFINITY, clock.now() + 60_000),
      60_000,
    );
    expect(n.sent).toEqual([]);
  });

  it('extends in steps, each before the previous runs out, until the deadline plus headroom is covered', async () => {
    const clock = new ManualClock();
    const start = clock.now();
    const n = recorder();
    const ext = new StopTimeoutExtender(n, clock, 30_000, start + 100_000);
    let granted = start + 30_000;
    ext.tick();
    for (let t = 5_000; t <= 100_000; t += 5_000) {
      await clock.advance(5_000);
      // systemd's timer must never have run out before this tick
      expect(clock.now()).toBeLessThan(granted);
      const before = n.sent.length;
      ext.tick();
      if (n.sent.length > before) granted = clock.now() + Number(n.sent.at(-1)!.EXTEND_TIMEOUT_USEC) / 1000;
    }
    expect(n.sent.length).toBeGreaterThan(2);
    expect(n.sent.every((s) => Object.keys(s).join() === 'EXTEND_TIMEOUT_USEC')).toBe(true);
    // the last one covers the deadline plus the 10 s PERSIST needs, and nothing beyond it
    expect(granted).toBe(start + 110_000);
  });

  it('extends at once when the stop timeout is shorter than one tick', () => {
    const clock = new ManualClock();
    const n = recorder();
    new StopTimeoutExtender(n, clock, 1_000, clock.now() + 5_000).tick();
    expect(n.sent).toEqual([{ EXTEND_TIMEOUT_USEC: String(15_000_000) }]);
  });
});

describe('knownStopTimeout and drainStopMismatch', () => {
  it('prefers [restart] stop_timeout_s, and asks for 10 s of headroom', () => {
    const stop = knownStopTimeout({ stop_timeout_s: 130 }, '/x/ferry.toml', undefined);
    expect(stop).toEqual({ ms: 130_000, source: '[restart] stop_timeout_s in /x/ferry.toml' });
    expect(drainStopMismatch(120, stop)).toBeUndefined();
    expect(drainStopMismatch(121, stop)).toMatch(
      /drain_timeout_s \(121 s\) is not at least 10 s below the stop timeout \(130 s/,
    );
    expect(knownStopTimeout({}, '/x/ferry.toml', undefined)).toBeUndefined();
  });
});
