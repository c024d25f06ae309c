import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import type { DetachedRun } from '../api/detached-run.js';
import type { Clock } from '../clock/clock.js';
import { EngineSpawnError } from './engine-spawn-error.js';
import { startDetached } from './live/start-detached.js';
import { abortReason, signalGroup, terminateGroup } from './process-group.js';

export interface EngineExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface EngineProcessOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** The child's whole environment; usually `PluginContext.childEnv()`. */
  readonly env: NodeJS.ProcessEnv;
  /**
   * `{ text }` is written to stdin, which is then closed; `'pipe'` leaves it open for the
   * caller; absent = /dev/null. Text is boxed so that a prompt reading "pipe" stays a prompt.
   */
  readonly stdin?: { readonly text: string } | 'pipe' | null;
  readonly clock: Clock;
  /** Wait between SIGTERM and SIGKILL of the process group. */
  readonly graceMs?: number;
  /** Abort = `stop()`. */
  readonly signal?: AbortSignal;
  /** Config key holding the executable's path (`engines.claude.path`), named in spawn errors. */
  readonly pathKey?: string;
  /**
   * `RunRequest.detached`, when the host offers live restore: the engine then runs under a shim
   * that outlives the host, or, if this run's engine is already there, is attached to.
   */
  readonly detach?: DetachedRun | undefined;
}

export interface EngineProcess {
  readonly pid: number;
  /** stdout, one string per line. Single consumer: iterate it once. */
  readonly lines: AsyncIterable<string>;
  readonly stdin: Writable | null;
  /** The last ~8 KB of stderr, for error messages. */
  stderrTail(): string;
  /** Resolves (never rejects) once the child has exited and its output is closed. */
  readonly exit: Promise<EngineExit>;
  /** SIGTERM the group, wait the grace on the clock, then SIGKILL it. Idempotent. */
  stop(reason?: string): Promise<void>;
  /** Why `stop` was called first, if it was. */
  readonly stopReason: string | undefined;
  /**
   * True when this is an engine a previous host started (live restore): `lines` start from its
   * first output again, and its first input must not be sent twice.
   */
  readonly reattached: boolean;
  /** What was written to stdin before a re-attach (empty otherwise). */
  previousInput(): string;
}

/** systemd hands these to Ferry itself; a child that sees them may try to use Ferry's sockets. */
const SUPERVISOR_ENV = ['LISTEN_FDS', 'LISTEN_PID', 'LISTEN_FDNAMES', 'NOTIFY_SOCKET'];
const STDERR_TAIL_CHARS = 8192;
const DEFAULT_GRACE_MS = 2000;

/**
 * Starts an engine CLI as the leader of its own process group, so that stopping it reaches
 * everything it started (tool shells, `tail -f`, dev servers). Resolves once the child runs;
 * rejects with EngineSpawnError when it cannot start.
 */
export async function startEngineProcess(options: EngineProcessOptions): Promise<EngineProcess> {
  const env = { ...options.env };
  for (const name of SUPERVISOR_ENV) delete env[name];
  // a detached engine may already run: a cancel that came first must still reach it
  if (options.detach) return startDetached({ ...options, env }, options.detach);
  options.signal?.throwIfAborted();
  const child = spawn(options.command, [...options.args], {
    cwd: options.cwd,
    env,
    detached: true,
    stdio: [options.stdin == null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
  } catch (err) {
    const cause = err as NodeJS.ErrnoException;
    const missingCwd = cause.code === 'ENOENT' && !existsSync(options.cwd) ? options.cwd : undefined;
    throw new EngineSpawnError({ command: options.command, pathKey: options.pathKey, missingCwd }, { cause });
  }
  return new GroupLeaderProcess(child, options);
}

class GroupLeaderProcess implements EngineProcess {
  readonly pid: number;
  readonly reattached = false;
  readonly lines: AsyncIterable<string>;
  readonly stdin: Writable | null;
  readonly exit: Promise<EngineExit>;
  #stderr = '';
  #stopping: Promise<void> | undefined;
  #stopReason: string | undefined;
  readonly #closed = new AbortController();
  readonly #clock: Clock;
  readonly #graceMs: number;

  constructor(
    private readonly child: ChildProcess,
    options: EngineProcessOptions,
  ) {
    this.pid = child.pid!;
    this.#clock = options.clock;
    this.#graceMs = options.graceMs ?? DEFAULT_GRACE_MS;

    // Created now, not on first use: readline drops lines emitted before an iterator exists.
    const iterator = createInterface({ input: child.stdout!, crlfDelay: Infinity })[Symbol.asyncIterator]();
    this.lines = { [Symbol.asyncIterator]: () => iterator };

    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });

    this.stdin = child.stdin;
    // A child may exit without reading its stdin; EPIPE then must not crash the host.
    child.stdin?.on('error', () => {});
    if (typeof options.stdin === 'object' && options.stdin !== null) child.stdin!.end(options.stdin.text);

    const killOnHostExit = () => signalGroup(this.pid, 'SIGKILL');
    addExitHook(killOnHostExit);
    const onAbort = () => void this.stop(abortReason(options.signal!));
    options.signal?.addEventListener('abort', onAbort, { once: true });

    child.once('exit', () => {
      // Whatever the leader left behind in its group dies with it: a run's processes never
      // outlive the run, and a straggler would otherwise keep stdout open forever.
      signalGroup(this.pid, 'SIGKILL');
      // A grandchild that left the group (setsid) may still hold our pipes; stop waiting for it.
      this.#clock.sleep(this.#graceMs, this.#closed.signal).then(
        () => {
          child.stdout?.destroy();
          child.stderr?.destroy();
        },
        () => {},
      );
    });
    this.exit = new Promise((resolve) => {
      child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
        this.#closed.abort();
        removeExitHook(killOnHostExit);
        options.signal?.removeEventListener('abort', onAbort);
        resolve({ code, signal });
      });
    });
  }

  get stopReason(): string | undefined {
    return this.#stopReason;
  }

  stderrTail(): string {
    return this.#stderr;
  }

  previousInput(): string {
    return '';
  }

  stop(reason = 'stopped'): Promise<void> {
    this.#stopReason ??= reason;
    this.#stopping ??= this.#terminate();
    return this.#stopping;
  }

  async #terminate(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      await this.exit;
      return;
    }
    await terminateGroup(this.pid, this.exit, this.#clock, this.#graceMs);
  }
}

/*
 * One `exit` listener per running engine; raising the limit with each keeps Node from warning
 * about a leak when many runs go on at once.
 */
function addExitHook(hook: () => void): void {
  const max = process.getMaxListeners();
  if (max !== 0) process.setMaxListeners(max + 1);
  process.on('exit', hook);
}

function removeExitHook(hook: () => void): void {
  process.off('exit', hook);
  const max = process.getMaxListeners();
  if (max !== 0) process.setMaxListeners(Math.max(10, max - 1));
}
