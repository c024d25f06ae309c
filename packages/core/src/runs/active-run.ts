import type { MessageRef } from '../api/messages.js';
import type { LiveRunOffer } from './live-runs.js';
import type { ProgressReporter } from './progress-reporter.js';
import type { RunJob } from './run-job.js';

/** A run whose engine is going: what cancel, drain and delivery act on. */
export interface ActiveRun {
  readonly id: number;
  readonly job: RunJob;
  readonly controller: AbortController;
  readonly startedAt: number;
  lastOutputAt: number;
  progress?: MessageRef;
  reporter?: ProgressReporter;
  /** Live restore's offer, when the run got one. */
  live?: LiveRunOffer;
  readonly done: Promise<void>;
}
