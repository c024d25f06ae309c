import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logging/logger.js';
import type { Notifier } from '../supervisor/notifier.js';

export interface HostOptions {
  readonly configPath: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly notifier?: Notifier;
  /** The directory of @ferry/core's package.json: where plugin discovery starts. */
  readonly hostPackageDir: string;
  /** Install SIGTERM/SIGINT handlers (the CLI does; tests that drive the host directly do not). */
  readonly handleSignals?: boolean;
  /** Counts in-process restarts (DESIGN §9 `generation`); 1 for the first. */
  readonly generation?: number;
}

/** How a generation ended: exit with `code`, or build the next generation in this process. */
export interface HostExit {
  readonly code: number;
  readonly rebuild: boolean;
}
