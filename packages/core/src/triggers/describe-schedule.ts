/*
 * Cron patterns in words, for `/triggers`: the common shapes ("every weekday at 09:00
 * Europe/Berlin"); anything else falls back to the pattern itself, which is never wrong.
 */

const NICKNAMES: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_ALIASES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const NUMBER = /^\d{1,2}$/;

export function describeSchedule(pattern: string, timezone: string): string {
  const words = inWords(pattern);
  return words ? `${words} ${timezone}` : `cron "${pattern}" ${timezone}`;
}

function inWords(pattern: string): string | undefined {
  let fields = (NICKNAMES[pattern.trim().toLowerCase()] ?? pattern).trim().split(/\s+/);
  if (fields.length === 6) {
    const [sec, ...rest] = fields as [string, ...string[]];
    if (rest.every((f) => f === '*')) {
      if (sec === '*') return 'every second';
      const step = /^\*\/(\d+)$/.exec(sec);
      if (step) return `every ${step[1]} seconds`;
    }
    if (sec !== '0') return undefined;
    fields = rest;
  }
  if (fields.length !== 5) return undefined;
  const [min, hour, dom, mon, dow] = fields as [string, string, string, string, string];
  if (mon !== '*') return undefined;
  if (hour === '*' && dom === '*' && dow === '*') {
    if (min === '*') return 'every minute';
    const step = /^\*\/(\d+)$/.exec(min);
    if (step) return `every ${step[1]} minutes`;
    if (NUMBER.test(min)) return `every hour at :${pad(min)}`;
    return undefined;
  }
  if (!NUMBER.test(min)) return undefined;
  const hours = hour.split(',');
  if (!hours.every((h) => NUMBER.test(h) && Number(h) < 24)) return undefined;
  const at = `at ${hours.map((h) => `${pad(h)}:${pad(min)}`).join(' and ')}`;
  if (dom === '*') {
    const days = describeDays(dow);
    return days ? `${days} ${at}` : undefined;
  }
  if (dow === '*' && NUMBER.test(dom)) return `on day ${Number(dom)} of every month ${at}`;
  return undefined;
}

function describeDays(dow: string): string | undefined {
  const spec = dow.toLowerCase();
  if (spec === '*') return 'every day';
  if (spec === '1-5' || spec === 'mon-fri') return 'every weekday';
  const days = spec.split(',').map(dayNumber);
  if (days.some((d) => d === undefined)) return undefined;
  const set = [...new Set(days as number[])].sort();
  if (set.length === 2 && set[0] === 0 && set[1] === 6) return 'every Saturday and Sunday';
  return `every ${set.map((d) => DAY_NAMES[d]).join(' and ')}`;
}

function dayNumber(text: string): number | undefined {
  const alias = DAY_ALIASES.indexOf(text);
  if (alias >= 0) return alias;
  if (!NUMBER.test(text) || Number(text) > 7) return undefined;
  return Number(text) % 7; // 7 is Sunday too
}

function pad(n: string): string {
  return n.padStart(2, '0');
}
