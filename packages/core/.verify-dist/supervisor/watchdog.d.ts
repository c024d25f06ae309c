import type { Clock } from '../clock/clock.js';
import type { Notifier } from './notifier.js';
/**
 * systemd's watchdog (`WatchdogSec=`): pings WATCHDOG=1 at half the interval systemd gave in
 * WATCHDOG_USEC, for as long as the event loop is alive. Nothing runs when it is not set or
 * meant for another process (WATCHDOG_PID).
 */
export declare function runWatchdog(env: NodeJS.ProcessEnv, notifier: Notifier, clock: Clock, signal: AbortSignal): Promise<void>;
