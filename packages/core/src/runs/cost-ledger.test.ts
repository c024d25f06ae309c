import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { createLogger } from '../logging/logger.js';
import { StateStore } from '../state/state-store.js';
import { CostLedger } from './cost-ledger.js';
import { RUN_MIGRATIONS } from './run-migrations.js';

function openStore(dir: string, clock: ManualClock) {
  const store = StateStore.open(dir, { logger: createLogger({ level: 'silent' }), clock });
  onTestFinished(() => store.close());
  return store;
}

describe('CostLedger', () => {
  it('upgrades a database written before per-chat totals, keeping the daily totals it had', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-costs-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const clock = new ManualClock(Date.parse('2031-05-01T08:00:00Z'));
    const old = openStore(dir, clock);
    old.migrate('runs', RUN_MIGRATIONS.slice(0, 1)); // what the previous release applied
    old.db
      .prepare(
        `INSERT INTO cost_daily (day, engine, runs, cost_usd, input_tokens, output_tokens) VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run('2031-05-01', 'claude', 4, 1.25, 1000, 200);
    old.close();

    const costs = new CostLedger(openStore(dir, clock), clock);
    costs.add(
      'claude',
      { costUsd: 0.25, inputTokens: 10, outputTokens: 2 },
      { transport: 'telegram', chat: '42', thread: '7' },
    );

    expect(costs.today()).toEqual([
      { day: '2031-05-01', engine: 'claude', runs: 5, costUsd: 1.5, inputTokens: 1010, outputTokens: 202 },
    ]);
    expect(costs.forChat({ transport: 'telegram', chat: '42' })).toEqual([
      { day: '2031-05-01', engine: 'claude', runs: 1, costUsd: 0.25, inputTokens: 10, outputTokens: 2 },
    ]);
  });

  it('counts per UTC day: a chat’s history reaches back `days` days, today included, newest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-costs-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const clock = new ManualClock(Date.parse('2031-05-01T23:30:00Z'));
    const costs = new CostLedger(openStore(dir, clock), clock);
    const chat = { transport: 'slack', chat: 'C1' };
    costs.add('codex', { costUsd: 1 }, chat);
    await clock.advance(3_600_000); // past midnight UTC
    costs.add('codex', { costUsd: 2 }, chat);
    costs.add('codex', undefined); // a run with no chat (a trigger's) still counts overall

    expect(costs.forChat(chat, 1).map((c) => [c.day, c.costUsd])).toEqual([['2031-05-02', 2]]);
    expect(costs.forChat(chat, 2).map((c) => [c.day, c.costUsd])).toEqual([
      ['2031-05-02', 2],
      ['2031-05-01', 1],
    ]);
    expect(costs.today()).toEqual([expect.objectContaining({ day: '2031-05-02', runs: 2, costUsd: 2 })]);
  });
});
