import type { Clock } from '../clock/clock.js';
import type { StatusReport } from '../host/status-report.js';
import type { Notifier } from './notifier.js';

/** How often the running daemon's STATUS= line is recomputed (sent only when it changed). */
const STATUS_EVERY_MS = 5_000;

/** The one line `systemctl status` shows while running: state, transports, runs and queue. */
export function statusLine(r: Pick<StatusReport, 'state' | 'transports' | 'runs' | 'queued'>): string {
  const transports = r.transports.join(', ') || 'no transports';
  return `${r.state}: ${transports} · ${r.runs.length} run(s), ${r.queued} queued`;
}

/**
 * Keeps STATUS= current while the daemon runs. While draining the restart coordinator owns
 * STATUS= (its countdown), so nothing is sent then.
 */
export async function publishStatusLine(
  notifier: Notifier,
  clock: Clock,
  report: () => StatusReport,
  signal: AbortSignal,
  alreadySent?: string,
): Promise<void> {
  let last = alreadySent;
  while (!signal.aborted) {
    await clock.sleep(STATUS_EVERY_MS, signal).catch(() => undefined);
    if (signal.aborted) return;
    const r = report();
    if (r.state !== 'running') continue;
    const line = statusLine(r);
    if (line !== last) notifier.notify({ STATUS: line });
    last = line;
  }
}
