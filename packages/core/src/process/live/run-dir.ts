import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signalGroup } from '../process-group.js';
import { RUN_PROTOCOL } from './shim-script.js';

/** `pipe`: a FIFO kept open; `file`: the text in `input`; `null`: /dev/null. */
export type StdinMode = 'pipe' | 'file' | 'null';

/** What the daemon wrote when it started the shim: enough to check a re-attach is safe. */
export interface RunDirMeta {
  readonly protocol: number;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly stdin: StdinMode;
  readonly scope: 'systemd' | 'session';
  /** Epoch ms. */
  readonly startedAt: number;
}

/** The files of one detached run (see SHIM_SCRIPT for who writes what). */
export class RunDir {
  constructor(readonly path: string) {}

  get meta(): string {
    return join(this.path, 'meta.json');
  }
  get stdout(): string {
    return join(this.path, 'stdout');
  }
  get stderr(): string {
    return join(this.path, 'stderr');
  }
  get stdin(): string {
    return join(this.path, 'stdin');
  }
  /** Everything the daemon wrote to the engine's stdin, so a later daemon knows what was answered. */
  get input(): string {
    return join(this.path, 'input');
  }
  get exitFile(): string {
    return join(this.path, 'exit');
  }

  ensure(): void {
    mkdirSync(this.path, { recursive: true, mode: 0o700 });
  }

  create(meta: Omit<RunDirMeta, 'protocol'>): void {
    this.ensure();
    const tmp = `${this.meta}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ protocol: RUN_PROTOCOL, ...meta })}\n`, { mode: 0o600 });
    renameSync(tmp, this.meta);
    // created before the shim runs, so a reader can open them at once
    writeFileSync(this.stdout, '', { flag: 'a' });
    writeFileSync(this.stderr, '', { flag: 'a' });
  }

  readMeta(): RunDirMeta | undefined {
    try {
      return JSON.parse(readFileSync(this.meta, 'utf8')) as RunDirMeta;
    } catch {
      return undefined;
    }
  }

  pid(name: 'shim' | 'engine'): number | undefined {
    try {
      const n = Number.parseInt(readFileSync(join(this.path, `${name}.pid`), 'utf8'), 10);
      return Number.isInteger(n) && n > 0 ? n : undefined;
    } catch {
      return undefined;
    }
  }

  /** The engine's exit as the shim recorded it; undefined while it runs (or if the shim died). */
  exitStatus(): number | undefined {
    try {
      const n = Number.parseInt(readFileSync(this.exitFile, 'utf8'), 10);
      return Number.isInteger(n) ? n : undefined;
    } catch {
      return undefined;
    }
  }

  exists(): boolean {
    return existsSync(this.meta);
  }

  /** Is the shim still there? Checks the pid and that it is this run's shim (pids get reused). */
  shimAlive(): boolean {
    const pid = this.pid('shim');
    if (pid === undefined) return false;
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(this.path);
    } catch {
      return false;
    }
  }

  /** The shim has written the exit status, or shim and engine are both gone without one. */
  ended(): boolean {
    if (this.exitStatus() !== undefined) return true;
    return !this.shimAlive() && !this.engineGroupAlive();
  }

  /** Is anything left in the engine's process group? */
  engineGroupAlive(): boolean {
    const pid = this.pid('engine');
    return pid !== undefined && signalGroup(pid, 0);
  }
}

export type RunDirState =
  /** The shim is alive: attach and follow. */
  | 'live'
  /** The engine ended (while nobody watched, perhaps): attach and read to the end. */
  | 'exited'
  /** Shim and engine are gone without an exit status: the run died with its shim. */
  | 'lost'
  /** Written by a Ferry of another run protocol: not attached. */
  | 'incompatible'
  /** Nothing was started here. */
  | 'absent';

export function inspectRunDir(dir: RunDir): RunDirState {
  const meta = dir.readMeta();
  if (!meta) return 'absent';
  if (meta.protocol !== RUN_PROTOCOL) return 'incompatible';
  if (!dir.ended()) return 'live';
  return dir.exitStatus() !== undefined ? 'exited' : 'lost';
}
