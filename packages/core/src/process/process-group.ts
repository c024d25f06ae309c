import type { Clock } from '../clock/clock.js';

/** Sends `signal` to the process group led by `pid`; false when the group is gone (ESRCH). */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** True when `exit` settles within `ms` on the clock; the losing timer never holds the clock. */
export async function settlesWithin(exit: Promise<unknown>, clock: Clock, ms: number): Promise<boolean> {
  const timer = new AbortController();
  try {
    return await Promise.race([
      exit.then(() => true),
      clock.sleep(ms, timer.signal).then(
        () => false,
        () => true,
      ),
    ]);
  } finally {
    timer.abort();
  }
}

/** SIGTERM the group, wait `graceMs` for `exit`, then SIGKILL it; resolves once it has exited. */
export async function terminateGroup(
  pid: number,
  exit: Promise<unknown>,
  clock: Clock,
  graceMs: number,
): Promise<void> {
  signalGroup(pid, 'SIGTERM');
  if (!(await settlesWithin(exit, clock, graceMs))) signalGroup(pid, 'SIGKILL');
  await exit;
}

/** The message of an abort's reason, for `stop(reason)`. */
export function abortReason(signal: AbortSignal): string {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason.message : String(reason ?? 'aborted');
}
