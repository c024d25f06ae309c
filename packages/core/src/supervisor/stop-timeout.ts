import type { RestartConfig } from '../config/schema.js';
import type { InstalledUnit } from './installed-unit.js';

/**
 * What a drain must leave of systemd's stop timeout for PERSIST (cancelled runs' grace, the
 * manifest, the outbox flush) before systemd sends SIGKILL.
 */
export const DRAIN_HEADROOM_MS = 10_000;

/** How long systemd waits after STOPPING=1 (or SIGTERM) before it kills the service. */
export interface StopTimeout {
  /** Infinity when the unit disables the timeout. */
  readonly ms: number;
  /** Where it was read, for messages: the config key or the unit file. */
  readonly source: string;
}

/**
 * systemd does not pass `TimeoutStopSec` to the service, so Ferry knows it only from
 * `[restart] stop_timeout_s` or from the unit that runs this config; undefined when neither says.
 */
export function knownStopTimeout(
  restart: Pick<RestartConfig, 'stop_timeout_s'>,
  configPath: string,
  unit: InstalledUnit | undefined,
): StopTimeout | undefined {
  if (restart.stop_timeout_s !== undefined)
    return { ms: restart.stop_timeout_s * 1000, source: `[restart] stop_timeout_s in ${configPath}` };
  if (unit) return { ms: unit.stopTimeoutMs, source: `TimeoutStopSec in ${unit.path}` };
  return undefined;
}

/** A warning when the drain may outlast what systemd allows; undefined when it fits. */
export function drainStopMismatch(drainTimeoutS: number, stop: StopTimeout | undefined): string | undefined {
  if (!stop || !Number.isFinite(stop.ms)) return undefined;
  if (drainTimeoutS * 1000 + DRAIN_HEADROOM_MS <= stop.ms) return undefined;
  return (
    `restart.drain_timeout_s (${drainTimeoutS} s) is not at least ${DRAIN_HEADROOM_MS / 1000} s below ` +
    `the stop timeout (${stop.ms / 1000} s, ${stop.source}); a long drain then depends on ` +
    'EXTEND_TIMEOUT_USEC — lower drain_timeout_s or raise TimeoutStopSec (`ferry service install` rewrites it)'
  );
}
