import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { generation, settle, stateDir, triggerKeys } from './__fixtures__/trigger-harness.js';

const T = (iso: string) => Date.parse(iso);

function cronConfig(cron: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { enabled: true, crons: [{ id: 'daily', prompt: 'report', chat: 'memory:c1', ...cron }], ...extra };
}

/** Moves the clock to `iso` and lets whatever woke journal its events. */
async function at(clock: ManualClock, iso: string): Promise<void> {
  await clock.advance(T(iso) - clock.now());
  await settle();
}

describe('crons', () => {
  it('fire at the right instants across the spring DST change in Europe/Berlin', async () => {
    const clock = new ManualClock(T('2026-03-27T12:00:00Z'));
    const { h } = await generation(stateDir(), clock, {
      enabled: true,
      crons: [
        { id: 'nine', schedule: '0 9 * * *', timezone: 'Europe/Berlin', prompt: 'p9', chat: 'memory:c1' },
        // 02:30 does not exist on 29 March: croner runs a fixed-time job at the first valid time after the gap
        { id: 'gap', schedule: '30 2 * * *', timezone: 'Europe/Berlin', prompt: 'pg', chat: 'memory:c1' },
      ],
    });
    await at(clock, '2026-03-28T07:59:59Z');
    expect(triggerKeys(h, 'cron')).toEqual(['cron:gap:2026-03-28T01:30:00.000Z']);
    await at(clock, '2026-03-28T08:00:00Z');
    expect(triggerKeys(h, 'cron')).toContain('cron:nine:2026-03-28T08:00:00.000Z');
    await at(clock, '2026-03-29T00:59:59Z');
    expect(triggerKeys(h, 'cron')).toHaveLength(2);
    await at(clock, '2026-03-29T01:00:00Z'); // 03:00 CEST
    expect(triggerKeys(h, 'cron')).toContain('cron:gap:2026-03-29T01:00:00.000Z');
    await at(clock, '2026-03-29T06:59:59Z');
    expect(triggerKeys(h, 'cron')).toHaveLength(3);
    await at(clock, '2026-03-29T07:00:00Z'); // 09:00 CEST, an hour earlier in UTC than the day before
    await at(clock, '2026-03-30T07:00:00Z');
    expect(triggerKeys(h, 'cron').filter((k) => k.startsWith('cron:nine'))).toEqual([
      'cron:nine:2026-03-28T08:00:00.000Z',
      'cron:nine:2026-03-29T07:00:00.000Z',
      'cron:nine:2026-03-30T07:00:00.000Z',
    ]);
    expect(h.triggers.status().crons.find((c) => c.id === 'nine')).toMatchObject({
      description: 'every day at 09:00 Europe/Berlin',
      next: '2026-03-31T07:00:00.000Z',
    });
  });

  it('run a fired slot as a prompt, not a command, with the cron named in header and footer', async () => {
    const clock = new ManualClock(T('2026-01-05T08:59:00Z'));
    const { h, runner } = await generation(
      stateDir(),
      clock,
      cronConfig({ schedule: '0 9 * * 1-5', timezone: 'UTC', prompt: '/restart please' }),
    );
    await at(clock, '2026-01-05T09:00:00Z');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('answer /restart please')));
    expect(runner.requests.map((r) => r.prompt)).toEqual(['/restart please']);
    expect(h.coordinator.state).toBe('running');
    const answer = h.transport.messages.find((m) => m.text.startsWith('answer'))!;
    expect(answer.text).toContain('via ⏰ cron:daily');
    const header = h.transport.messages.find((m) => m.ref.id === answer.replyTo?.id)!;
    expect(header.text).toBe('⏰ cron:daily — every weekday at 09:00 UTC');
  });

  it('fire a run_once cron once, also across a restart', async () => {
    const dir = stateDir();
    const clock = new ManualClock(T('2026-02-01T00:00:00Z'));
    const cfg = cronConfig({ schedule: '*/10 * * * * *', timezone: 'UTC', run_once: true });
    const first = await generation(dir, clock, cfg);
    await at(clock, '2026-02-01T00:00:10Z');
    await at(clock, '2026-02-01T00:00:30Z');
    expect(triggerKeys(first.h, 'cron')).toEqual(['cron:daily:2026-02-01T00:00:10.000Z']);
    expect(first.h.triggers.status().crons[0]).toMatchObject({ finished: true, next: null });
    await first.crash();

    const second = await generation(dir, clock, { ...cfg, crons: [{ ...cfg.crons[0], catch_up: true }] });
    await at(clock, '2026-02-01T00:05:00Z');
    expect(triggerKeys(second.h, 'cron')).toEqual(['cron:daily:2026-02-01T00:00:10.000Z']);
  });

  it('never fire a slot twice when a crash cut the fire between journal and record', async () => {
    const dir = stateDir();
    const clock = new ManualClock(T('2026-02-01T00:00:00Z'));
    const cfg = cronConfig({ schedule: '0 * * * *', timezone: 'UTC', catch_up: true });
    const first = await generation(dir, clock, cfg);
    await at(clock, '2026-02-01T01:00:00Z');
    await first.h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('answer report')));
    // the state a crash right after journaling leaves: the slot is still marked as firing
    first.h.store.db.prepare('UPDATE trigger_crons SET firing_slot = last_slot, last_slot = NULL').run();
    await first.crash();

    const second = await generation(dir, clock, cfg);
    await settle();
    expect(triggerKeys(second.h, 'cron')).toEqual(['cron:daily:2026-02-01T01:00:00.000Z']);
    expect(second.runner.requests).toHaveLength(0);
  });

  it('fire one missed slot at start with catch_up, and only report missed slots without it', async () => {
    const dir = stateDir();
    const clock = new ManualClock(T('2026-02-01T00:30:00Z'));
    const hourly = (catchUp: boolean) =>
      cronConfig({ schedule: '0 * * * *', timezone: 'UTC', catch_up: catchUp });
    await (await generation(dir, clock, hourly(true))).crash();
    await clock.advance(3 * 3_600_000); // down over 01:00, 02:00, 03:00
    const second = await generation(dir, clock, hourly(true));
    await second.h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('answer report')));
    expect(triggerKeys(second.h, 'cron')).toEqual(['cron:daily:2026-02-01T03:00:00.000Z']);
    expect(second.h.transport.texts()).toContainEqual(
      expect.stringMatching(/catching up the 2026-02-01T03:00:00.000Z slot/),
    );
    await second.crash();

    await clock.advance(2 * 3_600_000); // 04:00 and 05:00 missed
    const third = await generation(dir, clock, hourly(false));
    await third.h.transport.waitFor((t) => t.texts().some((x) => x.includes('missed 2 slot(s)')));
    expect(third.h.transport.texts()).toContainEqual(expect.stringMatching(/not run, as catch_up = false/));
    expect(triggerKeys(third.h, 'cron')).toHaveLength(1);
    await third.crash();
    // reported once: the next start does not report the same slots again
    const fourth = await generation(dir, clock, hourly(false));
    await settle();
    expect(fourth.h.transport.texts().filter((x) => x.includes('missed'))).toEqual([]);
  });

  it('apply config edits live: an added cron fires, a removed one stops, prompt edits apply', async () => {
    const clock = new ManualClock(T('2026-02-01T00:00:00Z'));
    const { h } = await generation(stateDir(), clock, { enabled: true });
    expect(h.triggers.status().crons).toEqual([]);
    await h.triggers.applyConfig(cronConfig({ schedule: '*/5 * * * * *', timezone: 'UTC' }));
    await at(clock, '2026-02-01T00:00:05Z');
    expect(triggerKeys(h, 'cron')).toEqual(['cron:daily:2026-02-01T00:00:05.000Z']);
    await h.triggers.applyConfig(
      cronConfig({ schedule: '*/5 * * * * *', timezone: 'UTC', prompt: 'edited' }),
    );
    await at(clock, '2026-02-01T00:00:10Z');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('answer edited')));
    await h.triggers.applyConfig({ enabled: true, crons: [] });
    await at(clock, '2026-02-01T00:01:00Z');
    expect(triggerKeys(h, 'cron')).toHaveLength(2);
    expect(h.triggers.status().crons).toEqual([]);
  });

  it('are listed by /triggers in the chat they post in, with the next fire time in words', async () => {
    const clock = new ManualClock(T('2026-03-27T12:00:00Z'));
    const { h } = await generation(stateDir(), clock, {
      enabled: true,
      crons: [
        { id: 'standup', schedule: '0 9 * * 1-5', timezone: 'Europe/Berlin', prompt: 'p', chat: 'memory:c1' },
        { id: 'elsewhere', schedule: '0 9 * * *', prompt: 'p', chat: 'memory:c2' },
      ],
      webhooks: [{ id: 'gh', path: '/gh', auth: 'none', chat: 'memory:c1', enabled: false }],
    });
    await h.transport.receive('/triggers', { sentAt: clock.now() });
    await h.transport.waitFor((t) => t.texts().some((x) => x.includes('cron:standup')));
    expect(h.transport.texts().at(-1)).toBe(
      '⏰ cron:standup — every weekday at 09:00 Europe/Berlin · next Mon 2026-03-30 09:00 (in 67 h 00 min)\n' +
        '🪝 webhook:gh — POST /hooks/gh · none · agent_run · off',
    );
  });

  it('stop firing when a drain starts', async () => {
    const clock = new ManualClock(T('2026-02-01T00:00:00Z'));
    const { h } = await generation(
      stateDir(),
      clock,
      cronConfig({ schedule: '*/5 * * * * *', timezone: 'UTC' }),
    );
    await h.triggers.drain();
    await at(clock, '2026-02-01T00:01:00Z');
    expect(triggerKeys(h, 'cron')).toEqual([]);
    await vi.waitFor(() => expect(h.triggers.status().draining).toBe(true));
  });
});
