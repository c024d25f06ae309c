import type { DetachedRun } from '../../api/detached-run.js';
import type { EngineProcess, EngineProcessOptions } from '../engine-process.js';
import { abortReason } from '../process-group.js';
import { DetachedEngineProcess } from './detached-engine-process.js';
import { inspectRunDir, RunDir } from './run-dir.js';
import { ShimScopeError, startShim } from './start-shim.js';

const DEFAULT_GRACE_MS = 2000;

/** A run directory this Ferry cannot attach to (another run protocol): the run is not resumed live. */
export class RunDirIncompatibleError extends Error {}

/**
 * `startEngineProcess` under live restore: attach to this run's engine when it is already
 * there (a previous host started it), else start it under a new shim.
 */
export async function startDetached(
  options: EngineProcessOptions,
  detach: DetachedRun,
): Promise<EngineProcess> {
  const dir = new RunDir(detach.dir);
  const state = inspectRunDir(dir);
  const graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
  if (state === 'incompatible')
    throw new RunDirIncompatibleError(`run directory ${detach.dir} was written by another Ferry version`);
  if (state !== 'absent') {
    const meta = dir.readMeta()!;
    const proc = new DetachedEngineProcess(dir, detach, options.clock, graceMs, {
      reattached: true,
      stdin: meta.stdin,
    });
    attachAbort(proc, options.signal);
    return proc;
  }
  options.signal?.throwIfAborted();
  const text = typeof options.stdin === 'object' && options.stdin !== null ? options.stdin.text : undefined;
  const stdin = options.stdin == null ? 'null' : text !== undefined ? 'file' : 'pipe';
  const shim = {
    ...(text !== undefined ? { input: text } : {}),
    dir,
    command: options.command,
    args: options.args,
    cwd: options.cwd,
    env: options.env,
    stdin,
    scope: detach.scope,
    clock: options.clock,
    pathKey: options.pathKey,
  } as const;
  try {
    await startShim(shim);
  } catch (err) {
    if (!(err instanceof ShimScopeError)) throw err;
    // a system unit, or a host without a user manager: the run still outlives a crash of the
    // daemon in its own session; meta.json records where it really runs
    await startShim({ ...shim, scope: 'session' });
  }
  const proc = new DetachedEngineProcess(dir, detach, options.clock, graceMs, {
    reattached: false,
    stdin,
  });
  attachAbort(proc, options.signal);
  return proc;
}

function attachAbort(proc: EngineProcess, signal: AbortSignal | undefined): void {
  if (!signal) return;
  const onAbort = () => void proc.stop(abortReason(signal));
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
}
