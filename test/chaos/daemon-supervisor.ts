import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type LifeKind = 'spawn' | 'ready' | 'exit' | 'rebuild' | 'reloaded' | 'rejected';

/** One moment in the daemon's life, for the report and the restart timeline plot. */
export interface LifeEvent {
  /** Epoch ms. */
  readonly at: number;
  readonly pid: number;
  readonly kind: LifeKind;
  readonly detail?: string;
}

export interface SupervisorOptions {
  readonly cli: string;
  readonly config: string;
  /** Every pino line of every generation is appended here. */
  readonly logFile: string;
  /** Extra environment (the chaos tag that marks our engine processes). */
  readonly env: Readonly<Record<string, string>>;
}

const LOG_KINDS: readonly [RegExp, LifeKind][] = [
  [/^ferry is ready$/, 'ready'],
  [/^restarting in-process$/, 'rebuild'],
  [/^config reloaded$/, 'reloaded'],
  [/^config edit rejected/, 'rejected'],
];

/**
 * Runs `ferry run` the way systemd would with `Restart=always`: a stopped or killed daemon is
 * started again after a delay. Exits the chaos driver caused are expected; any other exit is
 * recorded as a violation (and the daemon is still restarted, so the run goes on).
 */
export class DaemonSupervisor {
  readonly events: LifeEvent[] = [];
  readonly unexpected: string[] = [];
  #child: ChildProcess | undefined;
  #expecting: NodeJS.Signals | undefined;
  #ready = false;
  #stopped = false;
  readonly #log: WriteStream;
  readonly #waiters = new Set<() => void>();
  #tail: string[] = [];
  #closing: Promise<void> | undefined;

  constructor(private readonly o: SupervisorOptions) {
    this.#log = createWriteStream(o.logFile, { flags: 'a' });
  }

  get pid(): number | undefined {
    return this.#child?.pid;
  }

  get running(): boolean {
    return this.#child !== undefined;
  }

  start(): void {
    const env: NodeJS.ProcessEnv = { ...process.env, ...this.o.env, FERRY_CONFIG_PATH: this.o.config };
    // unsupervised on purpose: a restart-key edit then rebuilds in-process, a SIGTERM exits
    delete env.NOTIFY_SOCKET;
    delete env.INVOCATION_ID;
    const child = spawn(process.execPath, [this.o.cli, 'run'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    this.#child = child;
    this.#ready = false;
    this.#expecting = undefined;
    const pid = child.pid ?? -1;
    this.#event(pid, 'spawn');
    createInterface({ input: child.stderr! }).on('line', (line) => this.#line(pid, line));
    child.once('exit', (code, signal) => this.#exited(child, pid, code, signal));
  }

  /** Resolves once the current generation said "ferry is ready". */
  async ready(timeoutMs: number): Promise<void> {
    await this.#until(() => this.#ready, timeoutMs, 'the daemon to become ready');
  }

  /** Resolves at the next log event of `kind` after now. */
  async next(kind: LifeKind, timeoutMs: number): Promise<LifeEvent> {
    const from = this.events.length;
    await this.#until(() => this.events.slice(from).some((e) => e.kind === kind), timeoutMs, `"${kind}"`);
    return this.events.slice(from).find((e) => e.kind === kind)!;
  }

  /**
   * Sends `signal`, waits for the exit, and starts the next daemon `restartAfterMs` later (the
   * supervisor's RestartSec). Returns the exit.
   */
  async kill(signal: NodeJS.Signals, restartAfterMs: number, timeoutMs = 60_000): Promise<string> {
    const child = this.#child;
    if (!child) throw new Error('no daemon to signal');
    this.#expecting = signal;
    const exit = new Promise<string>((resolve) =>
      child.once('exit', (code, sig) => resolve(sig ?? `code ${code}`)),
    );
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const how = await Promise.race([
      exit,
      new Promise<string>((r) => {
        timer = setTimeout(() => r('timeout'), timeoutMs);
      }),
    ]);
    clearTimeout(timer);
    if (how === 'timeout') {
      this.unexpected.push(`pid ${child.pid} did not exit within ${timeoutMs} ms of ${signal}; killed`);
      child.kill('SIGKILL');
      await exit;
    }
    await new Promise((r) => setTimeout(r, restartAfterMs));
    if (!this.#stopped) this.start();
    return how;
  }

  /** The final stop: SIGTERM and no restart. Resolves with the exit. */
  async stop(timeoutMs = 60_000): Promise<string> {
    this.#stopped = true;
    if (!this.#child) return 'not running';
    return this.kill('SIGTERM', 0, timeoutMs);
  }

  /** The last lines the daemon logged (for a report when something went wrong). */
  tail(): string {
    return this.#tail.join('\n');
  }

  /** Kills whatever still runs and closes the log; safe to call twice. */
  close(): Promise<void> {
    this.#stopped = true;
    this.#child?.kill('SIGKILL');
    this.#closing ??= new Promise<void>((resolve) => this.#log.end(resolve));
    return this.#closing;
  }

  #line(pid: number, line: string): void {
    this.#log.write(`${line}\n`);
    this.#tail = [...this.#tail.slice(-40), line];
    if (!line.startsWith('{')) return;
    let entry: { msg?: unknown; time?: unknown };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      return;
    }
    const msg = String(entry.msg ?? '');
    const hit = LOG_KINDS.find(([re]) => re.test(msg));
    if (!hit) return;
    if (hit[1] === 'ready') this.#ready = true;
    if (hit[1] === 'rebuild') this.#ready = false;
    this.#event(
      pid,
      hit[1],
      hit[1] === 'rejected' ? msg.slice(0, 160) : undefined,
      Number(entry.time) || Date.now(),
    );
  }

  #exited(child: ChildProcess, pid: number, code: number | null, signal: NodeJS.Signals | null): void {
    const how = signal ?? `code ${code}`;
    this.#event(pid, 'exit', how);
    if (this.#child === child) {
      this.#child = undefined;
      this.#ready = false;
    }
    const expected = this.#expecting;
    if (expected === 'SIGKILL' && signal === 'SIGKILL') return;
    if (expected === 'SIGTERM' && code === 0) return;
    const why = expected
      ? `after ${expected} it exited with ${how} (expected ${expected === 'SIGTERM' ? 'code 0' : 'SIGKILL'})`
      : `it exited on its own with ${how}`;
    this.unexpected.push(`daemon pid ${pid}: ${why}\n${this.tail()}`);
    // Restart=always: keep going so the rest of the run still tells us something
    if (!expected && !this.#stopped) setTimeout(() => !this.#stopped && !this.#child && this.start(), 1000);
  }

  #event(pid: number, kind: LifeKind, detail?: string, at = Date.now()): void {
    this.events.push({ at, pid, kind, ...(detail ? { detail } : {}) });
    for (const w of [...this.#waiters]) w();
  }

  #until(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (probe()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!probe()) return;
        clearTimeout(timer);
        this.#waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.tail()}`));
      }, timeoutMs);
      this.#waiters.add(check);
    });
  }
}
