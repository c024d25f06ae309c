import { describe, expect, it } from 'vitest';
import type { FerryConfig } from '../config/schema.js';
import { timeZoneFindings } from './doctor-time-zone-check.js';

/** Only the part the check reads; built by hand so the test holds whatever the cron schema accepts. */
function withCrons(crons: { id: string; timezone?: string }[]): FerryConfig {
  return { triggers: { crons } } as unknown as FerryConfig;
}

describe('the time zone check', () => {
  it('passes when Node has zone data and every cron zone is a real IANA zone', () => {
    const [f] = timeZoneFindings(withCrons([{ id: 'a', timezone: 'Europe/Berlin' }, { id: 'b' }]));
    expect(f).toMatchObject({ ok: true, check: 'time zones' });
    expect(f!.detail).toMatch(/^\d+ zones known; the 1 cron zone\(s\) are valid$/);
    expect(timeZoneFindings(undefined)[0]).toMatchObject({ ok: true });
  });

  it('fails once per cron whose zone does not exist, naming the cron and a fix', () => {
    const findings = timeZoneFindings(
      withCrons([
        { id: 'standup', timezone: 'Europe/Berlni' },
        { id: 'ok', timezone: 'UTC' },
        { id: 'nightly', timezone: 'Mars/Olympus' },
      ]),
    );
    expect(findings.map((f) => [f.ok, f.detail])).toEqual([
      [false, '[[triggers.crons]] id = "standup": timezone "Europe/Berlni" is not an IANA time zone'],
      [false, '[[triggers.crons]] id = "nightly": timezone "Mars/Olympus" is not an IANA time zone'],
    ]);
    expect(findings.every((f) => f.hint?.includes('Europe/Berlin'))).toBe(true);
  });
});
