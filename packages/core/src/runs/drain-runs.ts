import { formatChatAddress } from '../api/chat-address.js';
import type { DrainReport, DrainRequest, InterruptedWork } from '../api/lifecycle.js';
import type { Clock } from '../clock/clock.js';
import { RunInterruptedError } from '../errors/codes.js';
import type { ActiveRun } from './active-run.js';
import { formatDuration } from './format-duration.js';

export interface DrainOptions {
  /** Sessions whose runs are not waited for (the chat that asked for the restart). */
  readonly exempt?: ReadonlySet<string>;
  /** A run silent this long counts as stuck and is interrupted before the deadline. */
  readonly stuckAfterMs?: number;
  /**
   * True for a run that waits on a person (an approval): it cannot finish by itself, so the
   * drain does not wait for it; it is interrupted at once and offered to resume.
   */
  readonly waitingOnHuman?: (runId: number) => boolean;
}

/** The drain re-checks liveness at least this often. */
const MAX_DRAIN_STEP_MS = 5_000;

/**
 * The run service's part of a drain (see RunService.drain): waits, interrupts what is stuck or
 * late, and reports what it cut. `active` is read live: runs leave it as they end.
 */
export async function drainRuns(
  active: () => Iterable<ActiveRun>,
  clock: Clock,
  req: DrainRequest,
  options: DrainOptions,
): Promise<DrainReport> {
  const exempt = options.exempt ?? new Set<string>();
  const stuckAfterMs = options.stuckAfterMs ?? Number.POSITIVE_INFINITY;
  const asked = [...active()].filter((r) => exempt.has(r.job.session));
  for (const run of asked) run.controller.abort(new RunInterruptedError('restart requested from this run'));
  const waited = [...active()].filter((r) => !exempt.has(r.job.session));
  const stuck: ActiveRun[] = [];
  const timer = new AbortController();
  const onForce = () => timer.abort();
  req.signal.addEventListener('abort', onForce, { once: true });
  try {
    const allDone = Promise.allSettled(waited.map((r) => r.done));
    for (;;) {
      const now = clock.now();
      for (const run of active()) {
        if (asked.includes(run) || stuck.includes(run)) continue;
        if (options.waitingOnHuman?.(run.id)) {
          stuck.push(run);
          run.controller.abort(new RunInterruptedError('parked: it waits for an answer in chat'));
        } else if (now - run.lastOutputAt >= stuckAfterMs) {
          stuck.push(run);
          run.controller.abort(
            new RunInterruptedError(`stuck: no output for ${formatDuration(now - run.lastOutputAt)}`),
          );
        }
      }
      const left = req.deadline - now;
      if (left <= 0 || timer.signal.aborted || [...active()].length === 0) break;
      // wake at the deadline, or when the next run would count as stuck, or when all are done
      const nextStuck = Math.min(...[...active()].map((r) => r.lastOutputAt + stuckAfterMs - now));
      const done = await Promise.race([
        allDone.then(() => true),
        clock.sleep(Math.max(1, Math.min(left, nextStuck, MAX_DRAIN_STEP_MS)), timer.signal).then(
          () => false,
          () => false,
        ),
      ]);
      if (done) break;
    }
  } finally {
    timer.abort();
    req.signal.removeEventListener('abort', onForce);
  }
  const late = [...active()].filter((r) => !asked.includes(r) && !stuck.includes(r));
  for (const run of late)
    run.controller.abort(new RunInterruptedError(`interrupted by restart (${req.reason})`));
  const left = [...asked, ...stuck, ...late];
  await Promise.allSettled(left.map((r) => r.done));
  const interrupted: InterruptedWork[] = left.map((r) => ({
    owner: 'runs',
    description: `${r.job.engine} run in ${formatChatAddress(r.job.chat)}`,
    data: { runId: r.id, session: r.job.session },
  }));
  return { waited: waited.length, interrupted };
}
