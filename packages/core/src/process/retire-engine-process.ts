import type { Clock } from '../clock/clock.js';
import type { EngineProcess } from './engine-process.js';
import { settlesWithin } from './process-group.js';

/**
 * The run is over (its result arrived): the CLI usually exits by itself moments later, and the
 * answer must not wait for that. Give it `graceMs`, then the usual SIGTERM → grace → SIGKILL,
 * so a CLI that lingers (codex keeps analytics uploads for ~5 s) never outlives its run.
 */
export function retireEngineProcess(proc: EngineProcess, clock: Clock, graceMs: number): void {
  void settlesWithin(proc.exit, clock, graceMs).then(async (exited) => {
    if (!exited) await proc.stop('still running after its result');
  });
}
