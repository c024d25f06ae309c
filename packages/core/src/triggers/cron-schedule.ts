import { Cron } from 'croner';

/**
 * A cron expression, parsed once. croner is used only to compute instants: it never owns a
 * timer here (STYLE rule 8), so the scheduler can run on the injected clock.
 *
 * Semantics are croner's: 5 fields (minute precision) or 6 with leading seconds; when both
 * day-of-month and day-of-week are restricted, a day matching either fires (Vixie cron's OR);
 * a fixed-time job (single minute and hour) whose time falls in a DST gap fires at the first
 * valid time after it and once when a time repeats, other jobs skip gap times and fire on
 * both occurrences of a repeated time.
 */
export class CronSchedule {
  readonly #cron: Cron;

  constructor(
    readonly pattern: string,
    readonly timezone: string,
  ) {
    // no callback: croner does not schedule anything, it only answers "when next?"
    this.#cron = new Cron(pattern, { timezone, mode: '5-or-6-parts', paused: true });
  }

  /** The first slot strictly after `afterMs` (epoch ms), or undefined if there is none. */
  nextAfter(afterMs: number): number | undefined {
    return this.#cron.nextRun(new Date(afterMs))?.getTime();
  }

  /** The slots in `(afterMs, untilMs]`, oldest first, at most `limit`. */
  between(afterMs: number, untilMs: number, limit: number): number[] {
    const slots: number[] = [];
    let at = afterMs;
    while (slots.length < limit) {
      const next = this.nextAfter(at);
      if (next === undefined || next > untilMs) break;
      slots.push(next);
      at = next;
    }
    return slots;
  }

  /** True when the pattern has a seconds field (6 parts). */
  get hasSeconds(): boolean {
    return this.pattern.trim().split(/\s+/).length === 6;
  }
}

/** Why `pattern` is not a usable schedule, or undefined when it is. Used by the config schema. */
export function cronScheduleProblem(pattern: string): string | undefined {
  try {
    new CronSchedule(pattern, 'UTC');
    return undefined;
  } catch (err) {
    const text = (err as Error).message.replace(/^CronPattern:\s*/, '');
    return `not a cron schedule (${text}); expected 5 fields "min hour day month weekday" or 6 with leading seconds`;
  }
}

/** Why `zone` is not an IANA time zone, or undefined when it is. */
export function timeZoneProblem(zone: string): string | undefined {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return undefined;
  } catch {
    return 'not an IANA time zone (e.g. "Europe/Berlin", "UTC")';
  }
}

/** The zone the host runs in: the default for crons that name none. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
