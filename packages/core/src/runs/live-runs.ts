import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DetachedRun } from '../api/detached-run.js';
import type { RestartConfig } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { findOnPath } from '../process/find-on-path.js';
import { inspectRunDir, RunDir, type RunDirState } from '../process/live/run-dir.js';
import { signalGroup } from '../process/process-group.js';

/** Internal token: the generation's LiveRuns. */
export const LIVE_RUNS = Symbol.for('ferry.liveRuns');

/** The request a detached run was started with, kept beside it so a re-attach repeats it exactly. */
export interface DetachedRequest {
  readonly resume?: string;
}

/** The host's side of `DetachedRun`: released when the run is handed over. */
export class LiveRunOffer implements DetachedRun {
  released = false;
  constructor(
    readonly dir: string,
    readonly scope: 'systemd' | 'session',
  ) {}

  /** True once the engine runs under a shim here (the runner used the offer). */
  get started(): boolean {
    return new RunDir(this.dir).exists();
  }

  get shimPid(): number | undefined {
    return new RunDir(this.dir).pid('shim');
  }

  get enginePid(): number | undefined {
    return new RunDir(this.dir).pid('engine');
  }
}

export interface LiveRunsDeps {
  readonly stateDir: string;
  readonly restart: () => RestartConfig;
  readonly log: Logger;
  readonly env: NodeJS.ProcessEnv;
}

/** The tools the shim needs, looked up once per process. */
const SHIM_TOOLS = ['sh', 'setsid', 'mkfifo'];
let missingTools: string[] | undefined;

/**
 * Live restore's bookkeeping (docs/live-restore.md): one directory per run under
 * `state/runs/<run id>`, offered to the runner when live restore is on and this machine can
 * host shims; looked up again by the next generation; removed once the run's outcome is
 * recorded.
 */
export class LiveRuns {
  #warned = false;

  constructor(private readonly d: LiveRunsDeps) {}

  get root(): string {
    return join(this.d.stateDir, 'state', 'runs');
  }

  /** Why live restore cannot be used here, or undefined when it can. */
  unsupported(): string | undefined {
    if (process.platform !== 'linux') return `needs Linux (this is ${process.platform})`;
    missingTools ??= SHIM_TOOLS.filter((tool) => !findOnPath(tool, this.d.env));
    if (missingTools.length > 0) return `${missingTools.join(', ')} not found on PATH`;
    return undefined;
  }

  /** An offer for a new run, when live restore is on and possible; its request is kept beside it. */
  offer(runId: number, request: DetachedRequest): LiveRunOffer | undefined {
    if (!this.d.restart().live_restore) return undefined;
    const why = this.unsupported();
    if (why) {
      if (!this.#warned) this.d.log.warn(`live restore is unavailable (${why}); restarts drain runs instead`);
      this.#warned = true;
      return undefined;
    }
    const dir = this.#dir(runId);
    rmSync(dir, { recursive: true, force: true });
    new RunDir(dir).ensure();
    writeFileSync(join(dir, 'request.json'), `${JSON.stringify(request)}\n`, { mode: 0o600 });
    return new LiveRunOffer(dir, this.#scope());
  }

  /** The offer for re-attaching to a run a previous generation started. */
  reattach(runId: number): LiveRunOffer {
    const dir = this.#dir(runId);
    return new LiveRunOffer(dir, new RunDir(dir).readMeta()?.scope ?? 'session');
  }

  /** The request the run was started with (for its re-attach). */
  request(runId: number): DetachedRequest {
    try {
      return JSON.parse(readFileSync(join(this.#dir(runId), 'request.json'), 'utf8')) as DetachedRequest;
    } catch {
      return {};
    }
  }

  state(runId: number): RunDirState {
    return inspectRunDir(new RunDir(this.#dir(runId)));
  }

  /** Ends whatever still runs in a run directory that cannot be re-attached. */
  kill(runId: number): void {
    const pid = new RunDir(this.#dir(runId)).pid('engine');
    if (pid !== undefined) signalGroup(pid, 'SIGKILL');
  }

  remove(runId: number): void {
    rmSync(this.#dir(runId), { recursive: true, force: true });
  }

  /**
   * Removes the directories of runs that are over (their outcome was recorded, or they were
   * never started): anything not in `keep` whose shim is gone.
   */
  sweep(keep: ReadonlySet<number>): number {
    if (!existsSync(this.root)) return 0;
    let removed = 0;
    for (const name of readdirSync(this.root)) {
      const id = Number(name);
      if (!Number.isInteger(id) || keep.has(id)) continue;
      const state = this.state(id);
      if (state === 'live') continue;
      this.remove(id);
      removed++;
    }
    return removed;
  }

  #dir(runId: number): string {
    return join(this.root, String(runId));
  }

  #scope(): 'systemd' | 'session' {
    const wanted = this.d.restart().live_restore_scope;
    if (wanted !== 'auto') return wanted;
    // under a systemd service, only a scope of its own keeps the shim out of the unit's cgroup
    return this.d.env.INVOCATION_ID && findOnPath('systemd-run', this.d.env) ? 'systemd' : 'session';
  }
}

/** `ferry status`'s view: on or off, and why it is off where this machine cannot host shims. */
export function liveRestoreStatus(
  enabled: boolean,
  live: LiveRuns,
): { enabled: boolean; unavailable?: string } {
  const why = live.unsupported();
  return { enabled: enabled && why === undefined, ...(why ? { unavailable: why } : {}) };
}
