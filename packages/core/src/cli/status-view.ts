import type { StatusReport } from '../host/status-report.js';
import { formatDuration } from '../runs/format-duration.js';

/** A trigger's next firing, however the trigger service words it in `triggers` of the status JSON. */
interface NextTrigger {
  readonly id: string;
  readonly at: number;
  readonly label?: string;
}

/** `ferry status` for a person: what runs, what waits, what fires next, what is wrong. */
export function renderStatus(report: StatusReport, now: number): string {
  const started = Date.parse(report.started_at);
  const uptime = Number.isFinite(started) ? ` · up ${formatDuration(now - started)}` : '';
  const lines = [
    `ferry ${report.state} · pid ${report.pid} · generation ${report.generation}${uptime}`,
    `config: ${report.config_path}`,
    `transports: ${report.transports.join(', ') || 'none'} · engines: ${report.engines.join(', ') || 'none'}`,
    `runs: ${report.runs.length} running, ${report.queued} queued · journal: ${report.journal.pending} pending, ${report.journal.dead} dead`,
    ...report.runs.map(
      (r) =>
        `  ▸ ${r.engine} in ${r.chat} for ${formatDuration(now - Date.parse(r.started_at))}` +
        (r.steps ? ` (${r.steps} step${r.steps === 1 ? '' : 's'})` : '') +
        (r.detached
          ? ` · detached (shim pid ${r.detached.shim_pid ?? '?'}, engine pid ${r.detached.engine_pid ?? '?'})`
          : ''),
    ),
  ];
  if (report.live_restore && !report.live_restore.enabled)
    lines.push(
      `live restore: off${report.live_restore.unavailable ? ` (${report.live_restore.unavailable})` : ''}`,
    );
  const next = nextTriggers(report.triggers);
  if (next.length > 0) {
    lines.push('next triggers:');
    for (const t of next.slice(0, 5)) {
      const when = new Date(t.at).toISOString().replace('T', ' ').slice(0, 16);
      lines.push(
        `  ▸ ${t.id} at ${when} UTC (in ${formatDuration(Math.max(0, t.at - now))})${t.label ? ` · ${t.label}` : ''}`,
      );
    }
  }
  const at = (report.triggers as { at_pending?: unknown } | undefined)?.at_pending;
  if (typeof at === 'number' && at > 0) lines.push(`/at jobs pending: ${at}`);
  if (report.config_error) {
    lines.push('config error (the last edit was rejected; running on the last good config):');
    for (const l of report.config_error.split('\n')) lines.push(`  ${l}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Entries with an id and a next time, found in any array inside `triggers` (`next`, `crons`,
 * `at`, …), soonest first. The trigger service owns that object's shape; this only reads
 * what it can recognise, so a new shape shows nothing rather than breaking `ferry status`.
 */
export function nextTriggers(triggers: unknown): NextTrigger[] {
  const found: NextTrigger[] = [];
  if (!triggers || typeof triggers !== 'object') return found;
  for (const value of Object.values(triggers)) {
    if (!Array.isArray(value)) continue;
    for (const item of value as unknown[]) {
      if (!item || typeof item !== 'object') continue;
      const o = item as Record<string, unknown>;
      const id = o.id ?? o.name;
      const raw = o.next_at ?? o.next ?? o.at ?? o.next_run;
      const at = typeof raw === 'number' ? raw : typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
      if (typeof id !== 'string' || !Number.isFinite(at)) continue;
      const label = [o.description, o.schedule].find((v): v is string => typeof v === 'string');
      found.push({ id, at, ...(label ? { label } : {}) });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}
