import { describe, expect, it, onTestFinished } from 'vitest';
import { CHAOS_SIZES } from './chaos/chaos-plan.js';
import { formatReport } from './chaos/chaos-report.js';
import { runChaos } from './chaos/run-chaos.js';

/** Fixed, so a failure here replays with `pnpm chaos --seed 20261123 --size short`. */
const SEED = 20261123;

describe('chaos (short, seeded)', () => {
  it('150 messages across 20 Telegram and Slack chats, 6 faults: each settled exactly once, journal clean, no orphans', async () => {
    const report = await runChaos({
      seed: SEED,
      size: CHAOS_SIZES.short,
      sizeName: 'short',
      settleTimeoutMs: 150_000,
      cleanup: (fn) => onTestFinished(fn),
    });
    const text = formatReport(report);
    console.log(text);
    expect(report.violations, text).toEqual([]);
    expect(report.messages).toBe(CHAOS_SIZES.short.messages);
    expect(report.outcomes.lost + report.outcomes.doubled).toBe(0);
    // the faults really struck: processes were killed and restarted, and some runs were cut
    expect(report.daemon.processes).toBeGreaterThanOrEqual(3);
    expect(Object.values(report.faults).reduce((a, b) => a + b, 0)).toBe(CHAOS_SIZES.short.faults);
  }, 420_000);
});
