import type { FerryConfig } from '../config/schema.js';
import { type Finding, fail, pass } from './doctor-finding.js';

/**
 * Cron schedules are computed in IANA zones through Intl: a Node built without time zone data
 * (small-icu) knows none, and a misspelt zone would only fail when the trigger service starts.
 */
export function timeZoneFindings(config: FerryConfig | undefined): Finding[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // older runtimes without supportedValuesOf: treated as having no data
  }
  if (zones.length === 0) {
    return [
      fail(
        'time zones',
        'this Node has no time zone data (Intl knows no zones)',
        'use a Node build with full ICU (the official builds have it)',
      ),
    ];
  }
  const findings: Finding[] = [];
  const crons = config?.triggers.crons ?? [];
  const bad = crons.filter((c) => c.timezone !== undefined && !validZone(c.timezone));
  for (const c of bad) {
    findings.push(
      fail(
        'time zones',
        `[[triggers.crons]] id = "${c.id}": timezone "${c.timezone}" is not an IANA time zone`,
        'use a name like "Europe/Berlin" or "America/New_York" (see `Intl.supportedValuesOf("timeZone")`)',
      ),
    );
  }
  if (bad.length === 0) {
    const used = crons.filter((c) => c.timezone !== undefined).length;
    findings.push(
      pass('time zones', `${zones.length} zones known${used ? `; the ${used} cron zone(s) are valid` : ''}`),
    );
  }
  return findings;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
