import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { constants } from 'node:os';
import type { Writable } from 'node:stream';
import type { DetachedRun } from '../../api/detached-run.js';
import type { Clock } from '../../clock/clock.js';
import type { EngineExit, EngineProcess } from '../engine-process.js';
import { signalGroup, terminateGroup } from '../process-group.js';
import { FifoStdin } from './fifo-stdin.js';
import { followLines } from './follow-lines.js';
import type { RunDir, StdinMode } from './run-dir.js';

const STDERR_TAIL_BYTES = 8192;
/** How often a run's end is looked for when no output comes (the shim writes `exit` last). */
const EXIT_LOOK_MS = 100;

/**
 * An engine that runs under its shim (live restore): stdout is followed in the run's log,
 * stdin goes through the shim's FIFO, the exit comes from the shim's `exit` file. The same
 * object serves a run this daemon started and one it re-attached to after a restart.
 */
export class DetachedEngineProcess implements EngineProcess {
  readonly pid: number;
  readonly lines: AsyncIterable<string>;
  readonly stdin: Writable | null;
  readonly exit: Promise<EngineExit>;
  readonly reattached: boolean;
  #stopReason: string | undefined;
  #stopping: Promise<void> | undefined;
  readonly #following = new AbortController();
  #resolveExit!: (exit: EngineExit) => void;

  constructor(
    private readonly dir: RunDir,
    private readonly detach: DetachedRun,
    private readonly clock: Clock,
    private readonly graceMs: number,
    options: { readonly reattached: boolean; readonly stdin: StdinMode },
  ) {
    this.pid = dir.pid('engine') ?? 0;
    this.reattached = options.reattached;
    this.exit = new Promise((resolve) => {
      this.#resolveExit = resolve;
    });
    const stdin = options.stdin === 'pipe' ? new FifoStdin(dir) : null;
    stdin?.on('error', () => {});
    this.stdin = stdin;
    const iterator = followLines(dir.stdout, {
      clock,
      finished: () => this.dir.ended(),
      signal: this.#following.signal,
    });
    this.lines = { [Symbol.asyncIterator]: () => iterator };
    void this.#watchExit();
  }

  get stopReason(): string | undefined {
    return this.#stopReason;
  }

  /** The shim's pid, for `ferry status`. */
  get shimPid(): number | undefined {
    return this.dir.pid('shim');
  }

  previousInput(): string {
    try {
      return readFileSync(this.dir.input, 'utf8');
    } catch {
      return '';
    }
  }

  stderrTail(): string {
    try {
      const fd = openSync(this.dir.stderr, 'r');
      try {
        const size = fstatSync(fd).size;
        const length = Math.min(size, STDERR_TAIL_BYTES);
        const buffer = Buffer.alloc(length);
        readSync(fd, buffer, 0, length, size - length);
        return buffer.toString('utf8');
      } finally {
        closeSync(fd);
      }
    } catch {
      return '';
    }
  }

  stop(reason = 'stopped'): Promise<void> {
    this.#stopReason ??= reason;
    this.#stopping ??= this.detach.released ? this.#letGo() : this.#terminate();
    return this.#stopping;
  }

  /** Handed over to the next daemon: stop reading, keep the engine and its input open. */
  async #letGo(): Promise<void> {
    (this.stdin as FifoStdin | null)?.release();
    this.#following.abort();
    this.#resolveExit({ code: null, signal: null });
  }

  async #terminate(): Promise<void> {
    if (this.dir.ended()) return void (await this.exit);
    await terminateGroup(this.pid, this.exit, this.clock, this.graceMs);
  }

  async #watchExit(): Promise<void> {
    while (!this.dir.ended()) {
      if (this.#following.signal.aborted) return;
      await this.clock.sleep(EXIT_LOOK_MS);
    }
    // whatever the engine left in its group goes with it, as for a piped engine
    if (this.pid) signalGroup(this.pid, 'SIGKILL');
    this.#resolveExit(toExit(this.dir.exitStatus()));
  }
}

/** sh reports death by signal N as status 128+N; no status at all means the shim died too. */
function toExit(status: number | undefined): EngineExit {
  if (status === undefined) return { code: null, signal: null };
  if (status > 128 && status < 128 + 65) {
    const name = signalName(status - 128);
    if (name) return { code: null, signal: name };
  }
  return { code: status, signal: null };
}

function signalName(n: number): NodeJS.Signals | undefined {
  const { signals } = constants;
  return (Object.keys(signals) as NodeJS.Signals[]).find((k) => signals[k] === n);
}
