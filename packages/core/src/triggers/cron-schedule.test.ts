import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/load-config.js';
import { stateDir } from './__fixtures__/trigger-harness.js';
import { CronSchedule } from './cron-schedule.js';

function load(lines: string[]) {
  const path = join(stateDir(), 'ferry.toml');
  writeFileSync(path, `${lines.join('\n')}\n`);
  return () => loadConfig(path, {});
}

const cron = (schedule: string, extra: string[] = []) => [
  '[[triggers.crons]]',
  'id = "daily"',
  `schedule = "${schedule}"`,
  'prompt = "report"',
  'chat = "telegram:1"',
  ...extra,
];

describe('cron schedules', () => {
  it('are checked at config load, naming the key and line', () => {
    expect(load(cron('61 * * * *'))).toThrow(
      /ferry\.toml:3: triggers\.crons\[0\]\.schedule: not a cron schedule \(Invalid value for minute: 61\)/,
    );
    expect(load(cron('* * * *'))).toThrow(/triggers\.crons\[0\]\.schedule: not a cron schedule/);
    expect(load(cron('0 9 * * *', ['timezone = "Mars/Olympus"']))).toThrow(
      /:6: triggers\.crons\[0\]\.timezone: not an IANA time zone/,
    );
    expect(load([...cron('0 9 * * *'), ...cron('0 10 * * *')])).toThrow(
      /triggers\.crons\[1\]\.id: another cron has id "daily"/,
    );
    expect(
      load(['[[triggers.webhooks]]', 'id = "x"', 'path = "/x"', 'auth = "bearer"', 'chat = "telegram:1"']),
    ).toThrow(/triggers\.webhooks\[0\]\.secret: required with auth = "bearer"/);
    expect(load(cron('*/5 * * * * *'))().config.triggers.crons[0]).toMatchObject({
      catch_up: false,
      enabled: true,
      run_once: false,
    });
  });

  it('take 5 fields at minute precision or 6 with leading seconds', () => {
    const t0 = Date.parse('2026-01-01T00:00:00.500Z');
    expect(new CronSchedule('* * * * *', 'UTC').nextAfter(t0)).toBe(Date.parse('2026-01-01T00:01:00Z'));
    expect(new CronSchedule('*/2 * * * * *', 'UTC').between(t0, t0 + 5000, 10)).toEqual([
      Date.parse('2026-01-01T00:00:02Z'),
      Date.parse('2026-01-01T00:00:04Z'),
    ]);
  });

  it('use OR for day-of-month and day-of-week, like Vixie cron', () => {
    // 13th of the month OR a Friday
    const s = new CronSchedule('0 0 13 * 5', 'UTC');
    expect(
      s
        .between(Date.parse('2026-03-01T00:00:00Z'), Date.parse('2026-03-15T00:00:00Z'), 10)
        .map((t) => new Date(t).toISOString().slice(0, 10)),
    ).toEqual(['2026-03-06', '2026-03-13']);
  });

  it('run interval jobs on both occurrences of a repeated hour at the autumn change', () => {
    const s = new CronSchedule('*/30 * * * *', 'Europe/Berlin');
    const from = Date.parse('2026-10-25T00:00:00Z'); // 02:00 CEST
    expect(
      s.between(from, from + 2 * 3_600_000, 10).map((t) => new Date(t).toISOString().slice(11, 16)),
    ).toEqual([
      '00:30',
      '01:00', // 02:00 CET: the repeated hour
      '01:30',
      '02:00',
    ]);
  });
});
