const UNIT_MS: Readonly<Record<string, number>> = {
  us: 0.001,
  usec: 0.001,
  ms: 1,
  msec: 1,
  s: 1000,
  sec: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

/**
 * A systemd time span (systemd.time(7)) in milliseconds: `150`, `2min 30s`, `2m30s`, `500ms`.
 * A bare number is seconds, as for `TimeoutStopSec=`. `infinity` (and `0`, which disables the
 * timeout) give Infinity. Undefined when the text is not a time span.
 */
export function parseTimeSpan(text: string): number | undefined {
  const t = text.trim();
  if (t === 'infinity') return Number.POSITIVE_INFINITY;
  if (/^\d+(\.\d+)?$/.test(t)) {
    const ms = Number(t) * 1000;
    return ms === 0 ? Number.POSITIVE_INFINITY : ms;
  }
  const part = /(\d+(?:\.\d+)?)\s*([a-z]+)\s*/gy;
  let total = 0;
  let end = 0;
  for (let m = part.exec(t); m; m = part.exec(t)) {
    const unit = UNIT_MS[m[2]!];
    if (unit === undefined) return undefined;
    total += Number(m[1]) * unit;
    end = part.lastIndex;
  }
  if (end !== t.length || end === 0) return undefined;
  return total === 0 ? Number.POSITIVE_INFINITY : total;
}
