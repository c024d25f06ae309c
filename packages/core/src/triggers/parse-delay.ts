import { AtUsageError } from './trigger-errors.js';

const UNIT_MS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const MAX_DELAY_MS = 366 * 86_400_000;

/** `30s`, `10m`, `2h`, `1d`, or a sum like `1h30m` → milliseconds. */
export function parseDelay(text: string): number {
  const parts = [...text.toLowerCase().matchAll(/(\d+)([smhd])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.toLowerCase())
    throw new AtUsageError(`"${text}" is not a delay; write it like 30s, 10m, 2h, 1d or 1h30m`);
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_MS[p[2]!]!, 0);
  if (ms < 1000 || ms > MAX_DELAY_MS)
    throw new AtUsageError(`a delay must be between 1s and 366d, got ${text}`);
  return ms;
}
