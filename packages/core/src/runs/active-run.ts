import type { MessageRef } from '../api/messages.js';
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
  readonly done: Promise<void>;
}
