import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import type { StatusReport } from '../host/status-report.js';
import { publishStatusLine, statusLine } from './status-line.js';

describe('the STATUS= line', () => {
  it('says state, transports, runs and queue', () => {
    expect(statusLine({ state: 'running', transports: ['telegram', 'slack'], runs: [], queued: 3 })).toBe(
      'running: telegram, slack · 0 run(s), 3 queued',
    );
    expect(statusLine({ state: 'running', transports: [], runs: [], queued: 0 })).toBe(
      'running: no transports · 0 run(s), 0 queued',
    );
  });

  it('is sent again only when it changed, and not while the drain owns STATUS=', async () => {
    const clock = new ManualClock();
    const sent: Record<string, string>[] = [];
    const notifier = {
      notify: (s: Record<string, string>) => void sent.push({ ...s }),
      close: () => undefined,
    };
    let report = {
      state: 'running',
      transports: ['console'],
      runs: [] as unknown[],
      queued: 0,
    } as unknown as StatusReport;
    const stop = new AbortController();
    const ready = statusLine(report);
    const loop = publishStatusLine(notifier, clock, () => report, stop.signal, ready);
    await vi.waitFor(() => expect(clock.pending).toBe(1));
    await clock.advance(5_000);
    expect(sent).toEqual([]);
    report = { ...report, queued: 1 };
    await clock.advance(5_000);
    expect(sent).toEqual([{ STATUS: 'running: console · 0 run(s), 1 queued' }]);
    report = { ...report, state: 'draining', queued: 2 };
    await clock.advance(5_000);
    expect(sent).toHaveLength(1);
    stop.abort();
    await loop;
  });
});
