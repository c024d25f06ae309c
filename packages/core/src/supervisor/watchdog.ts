import type { Clock } from '../clock/clock.js';
import type { Notifier } from './notifier.js';

/**
 * systemd's watchdog (`WatchdogSec=`): pings WATCHDOG=1 at half the interval systemd gave in
 * WATCHDOG_USEC, for as long as the event loop is alive. Nothing runs when it is not set or
 * meant for another process (WATCHDOG_PID).
 */
export async function runWatchdog(
  env: NodeJS.ProcessEnv,
  notifier: Notifier,
  clock: Clock,
  signal: AbortSignal,
): Promise<void> {
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isFinite(usec) || usec <= 0) return;
  if (env.WATCHDOG_PID && Number(env.WATCHDOG_PID) !== process.pid) return;
  const everyMs = Math.max(100, Math.floor(usec / 2000));
  while (!signal.aborted) {
    notifier.notify({ WATCHDOG: '1' });
    await clock.sleep(everyMs, signal).catch(() => undefined);
  }
}
