import { describe, expect, it } from 'vitest';
import type { StatusReport } from '../host/status-report.js';
import { nextTriggers, renderStatus } from './status-view.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

function report(extra: Partial<StatusReport> = {}): StatusReport {
  return {
    pid: 42,
    generation: 2,
    state: 'running',
    config_path: '/home/me/.ferry/ferry.toml',
    transports: ['telegram', 'console'],
    engines: ['claude'],
    runs: [],
    queued: 0,
    journal: { pending: 0, dead: 0 },
    triggers: {},
    started_at: new Date(NOW - 3 * 3_600_000 - 5 * 60_000).toISOString(),
    ...extra,
  };
}

describe('renderStatus', () => {
  it('shows state, generation, uptime, transports, runs with elapsed time and the queue', () => {
    const text = renderStatus(
      report({
        runs: [
          {
            session: 'telegram:1',
            engine: 'claude',
            chat: 'telegram:1',
            steps: 3,
            started_at: new Date(NOW - 75_000).toISOString(),
          },
        ],
        queued: 2,
      }),
      NOW,
    );
    expect(text.split('\n')).toEqual([
      'ferry running · pid 42 · generation 2 · up 3 h 05 min',
      'config: /home/me/.ferry/ferry.toml',
      'transports: telegram, console · engines: claude',
      'runs: 1 running, 2 queued · journal: 0 pending, 0 dead',
      '  ▸ claude in telegram:1 for 1 min 15 s (3 steps)',
      '',
    ]);
  });

  it('lists the next triggers soonest first, and the last rejected config edit', () => {
    const triggers = {
      enabled: true,
      crons: [
        { id: 'weekly', next: new Date(NOW + 86_400_000).toISOString(), description: 'Mondays at 09:00' },
        { id: 'hourly', next: new Date(NOW + 600_000).toISOString(), schedule: '0 * * * *' },
        { id: 'done', next: null },
      ],
      webhooks: [{ id: 'gh', url_path: '/gh' }],
      at_pending: 1,
    };
    const text = renderStatus(
      report({ triggers, config_error: '/x/ferry.toml:3: restart.drain_timeout_s: bad' }),
      NOW,
    );
    expect(text).toContain(
      'next triggers:\n  ▸ hourly at 2026-11-23 12:10 UTC (in 10 min 00 s) · 0 * * * *\n  ▸ weekly at',
    );
    expect(text).toContain('/at jobs pending: 1');
    expect(text).toContain(
      'config error (the last edit was rejected; running on the last good config):\n  /x/ferry.toml:3: restart.drain_timeout_s: bad',
    );
    expect(nextTriggers({})).toEqual([]);
    expect(nextTriggers(undefined)).toEqual([]);
  });
});
