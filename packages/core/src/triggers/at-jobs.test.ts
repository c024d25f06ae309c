import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { generation, settle, stateDir, triggerKeys } from './__fixtures__/trigger-harness.js';
import { parseDelay } from './parse-delay.js';

const START = Date.UTC(2026, 1, 1);

async function say(g: Awaited<ReturnType<typeof generation>>, text: string): Promise<string> {
  const before = g.h.transport.messages.length;
  await g.h.transport.receive(text, { sentAt: g.h.clock.now() });
  await g.h.transport.waitFor((t) => t.messages.length > before);
  return g.h.transport.messages.at(-1)!.text;
}

describe('/at', () => {
  it('parses delays like 30s, 10m, 2h, 1d and 1h30m', () => {
    expect([
      parseDelay('30s'),
      parseDelay('10m'),
      parseDelay('2h'),
      parseDelay('1d'),
      parseDelay('1h30m'),
    ]).toEqual([30_000, 600_000, 7_200_000, 86_400_000, 5_400_000]);
    for (const bad of ['10', 'm', '10x', '0s', '10m later', '400d'])
      expect(() => parseDelay(bad), bad).toThrow(expect.objectContaining({ code: 'FERRY_TRIGGER_AT_USAGE' }));
  });

  it('runs the prompt once when due, naming the job in the footer', async () => {
    const clock = new ManualClock(START);
    const g = await generation(stateDir(), clock, {});
    expect(await say(g, '/at 10m check the build')).toMatch(/^⏰ at:1 set: runs in 10 min 00 s/);
    await clock.advance(599_000);
    await settle();
    expect(triggerKeys(g.h, 'at')).toEqual([]);
    await clock.advance(1_000);
    await g.h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('answer check the build')));
    const answer = g.h.transport.texts().find((x) => x.startsWith('answer check the build'))!;
    expect(answer).toContain('via ⏰ at:1');
    await clock.advance(3_600_000);
    await settle();
    expect(triggerKeys(g.h, 'at')).toEqual(['at:1']);
    expect(g.runner.requests).toHaveLength(1);
  });

  it('lists and cancels pending jobs, and /cancel drops the chat’s pending ones', async () => {
    const clock = new ManualClock(START);
    const g = await generation(stateDir(), clock, {});
    await say(g, '/at 1h first');
    await say(g, '/at 2h second');
    await say(g, '/at 3h third');
    expect(await say(g, '/at list')).toBe(
      '#1 in 1 h 00 min: first\n#2 in 2 h 00 min: second\n#3 in 3 h 00 min: third',
    );
    expect(await say(g, '/at cancel 2')).toBe('🗑 /at #2 cancelled.');
    expect(await say(g, '/at cancel 2')).toBe('No pending /at #2 here.');
    expect(await say(g, '/triggers')).toMatch(
      /^⏰ at:1 — in 1 h 00 min: first\n⏰ at:3 — in 3 h 00 min: third$/,
    );
    expect(await say(g, '/cancel')).toBe('Nothing is running here. 2 pending /at job(s) cancelled.');
    await clock.advance(4 * 3_600_000);
    await settle();
    expect(triggerKeys(g.h, 'at')).toEqual([]);
    expect(g.h.triggers.status().at_pending).toBe(0);
  });

  it('answers usage mistakes and keeps to the per-chat cap', async () => {
    const clock = new ManualClock(START);
    const g = await generation(stateDir(), clock, { at_max_per_chat: 2 });
    expect(await say(g, '/at soon do it')).toMatch(/^⚠️ "soon" is not a delay/);
    expect(await say(g, '/at 10m')).toMatch(/^⚠️ what should run in 10m\?/);
    await say(g, '/at 1h a');
    await say(g, '/at 1h b');
    expect(await say(g, '/at 1h c')).toMatch(/^⚠️ this chat already has 2 pending \/at jobs/);
    expect(g.h.triggers.pendingAt({ transport: 'memory', chat: 'c1' })).toHaveLength(2);
  });

  it('fires a job that came due while Ferry was down once at start, and never again', async () => {
    const dir = stateDir();
    const clock = new ManualClock(START);
    const first = await generation(dir, clock, {});
    await say(first, '/at 30s while down');
    await first.crash();
    await clock.advance(3_600_000);
    const second = await generation(dir, clock, {});
    await second.h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('answer while down')));
    expect(second.h.transport.texts()).toContainEqual(
      expect.stringMatching(/^⏰ at:1 — set 1 h 00 min ago; due 59 min 30 s ago, while Ferry was down/),
    );
    // a crash between journaling and marking it fired: the next start journals it again, the key dedupes it
    second.h.store.db.prepare("UPDATE trigger_at SET state = 'pending'").run();
    await second.crash();
    const third = await generation(dir, clock, {});
    await settle(10);
    expect(triggerKeys(third.h, 'at')).toEqual(['at:1']);
    expect(third.runner.requests).toHaveLength(0);
    expect(third.h.triggers.status().at_pending).toBe(0);
  });
});
