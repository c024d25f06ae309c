import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import { ManualClock } from '../clock/manual-clock.js';
import { CostLedger } from '../runs/cost-ledger.js';
import { ScriptedRunner, simpleScript } from '../testing/scripted-runner.js';

const harnesses: Harness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) {
    await vi.waitFor(() => expect(h.dispatcher.inFlight).toBe(0));
    h.close();
  }
});

const DAY = 86_400_000;
const C1 = { transport: 'memory', chat: 'c1' };
const C2 = { transport: 'memory', chat: 'c2' };

async function generation(dir: string) {
  const runner = new ScriptedRunner((req) => simpleScript(`answer: ${req.prompt}`));
  const h = await buildHarness({ dir, engines: { test: runner } });
  harnesses.push(h);
  await h.startup();
  return h;
}

describe('/cost', () => {
  it('shows this chat’s and all chats’ totals for today and the chat’s week, and keeps them across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-cost-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const first = await generation(dir);
    // yesterday: one run in c1, recorded by a ledger whose clock is a day behind
    new CostLedger(first.store, new ManualClock(Date.now() - DAY)).add(
      'test',
      { costUsd: 0.5, inputTokens: 100, outputTokens: 50 },
      C1,
    );
    for (const [text, chat] of [
      ['a', C1],
      ['b', C1],
      ['c', C2],
    ] as const) {
      await first.transport.receive(text, { chat });
      await first.transport.waitFor((t) => t.texts().some((x) => x.startsWith(`answer: ${text}`)));
    }
    await vi.waitFor(() => expect(first.costs.today()[0]?.runs).toBe(3));
    first.close();
    harnesses.splice(harnesses.indexOf(first), 1);

    const second = await generation(dir);
    await second.transport.receive('/cost', { chat: C1 });
    await second.transport.waitFor((t) => t.texts().some((x) => x.startsWith('💰')));
    expect(second.transport.texts().find((x) => x.startsWith('💰'))).toBe(
      [
        '💰 This chat, today: 2 run(s) · $0.0200 · 20 in / 10 out tokens',
        '   test: 2 run(s) · $0.0200 · 20 in / 10 out tokens',
        '🌐 All chats, today: 3 run(s) · $0.0300 · 30 in / 15 out tokens',
        '📅 This chat, last 7 days: 3 run(s) · $0.5200 · 120 in / 60 out tokens',
      ].join('\n'),
    );
    await second.transport.receive('/cost', { chat: { ...C2, thread: 't9' } });
    await second.transport.waitFor((t) => t.texts().filter((x) => x.startsWith('💰')).length === 2);
    // a thread counts towards its chat
    expect(second.transport.texts().filter((x) => x.startsWith('💰'))[1]).toMatch(
      /^💰 This chat, today: 1 run\(s\)/,
    );
  });
});
