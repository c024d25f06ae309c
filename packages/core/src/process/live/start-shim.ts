import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Clock } from '../../clock/clock.js';
import { EngineSpawnError } from '../engine-spawn-error.js';
import { findOnPath } from '../find-on-path.js';
import type { RunDir, StdinMode } from './run-dir.js';
import { SHIM_SCRIPT } from './shim-script.js';

/** `systemd-run --user --scope` could not start the shim: the caller may use a session instead. */
export class ShimScopeError extends Error {}

/** How long the shim gets to start the engine and say its pid. */
const START_TIMEOUT_MS = 10_000;
const LOOK_EVERY_MS = 5;

export interface ShimStart {
  readonly dir: RunDir;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly stdin: StdinMode;
  /** For `file` mode: written to `input` before the shim starts. */
  readonly input?: string;
  /** `systemd`: in a transient scope of the user's manager, out of ferry.service's cgroup. */
  readonly scope: 'systemd' | 'session';
  readonly clock: Clock;
  readonly pathKey?: string | undefined;
}

/**
 * Starts the shim in its own session (so no signal aimed at the daemon's group reaches it) and
 * waits until the engine runs under it. The executable is looked up first: once the shim has
 * started, "not found" would only show up as exit status 127 in a file.
 */
export async function startShim(s: ShimStart): Promise<void> {
  preflight(s);
  s.dir.create({
    command: s.command,
    args: s.args,
    cwd: s.cwd,
    stdin: s.stdin,
    scope: s.scope,
    startedAt: s.clock.now(),
  });
  if (s.stdin === 'file') writeFileSync(s.dir.input, s.input ?? '', { mode: 0o600 });
  const shimArgs = ['-c', SHIM_SCRIPT, 'ferry-shim', s.dir.path, s.stdin, s.command, ...s.args];
  const [command, args] =
    s.scope === 'systemd'
      ? ['systemd-run', ['--user', '--scope', '--quiet', '--collect', '--', 'sh', ...shimArgs]]
      : ['sh', shimArgs];
  const child = spawn(command, args, { cwd: s.cwd, env: s.env, detached: true, stdio: 'ignore' });
  child.unref();
  let early: string | undefined;
  child.once('error', (err) => {
    early = err.message;
  });
  child.once('exit', (code, signal) => {
    early ??= `the shim exited before the engine started (${signal ?? `status ${code}`})`;
  });
  const deadline = s.clock.now() + START_TIMEOUT_MS;
  while (s.dir.pid('engine') === undefined) {
    if (early !== undefined && s.dir.pid('engine') === undefined) {
      const message = `${command} could not start the run's shim: ${early}`;
      // systemd-run failed before the shim ran (no user manager, no session bus)
      if (s.scope === 'systemd' && s.dir.pid('shim') === undefined) throw new ShimScopeError(message);
      throw new Error(message);
    }
    if (s.clock.now() > deadline)
      throw new Error(`the run's shim did not start within ${START_TIMEOUT_MS} ms`);
    await s.clock.sleep(LOOK_EVERY_MS);
  }
  // the pipe mode FIFO exists once the engine pid is written (the shim made it first)
}

function preflight(s: ShimStart): void {
  if (!existsSync(s.cwd)) {
    throw new EngineSpawnError(
      { command: s.command, pathKey: s.pathKey, missingCwd: s.cwd },
      { cause: errno('ENOENT', s.cwd) },
    );
  }
  const path = s.command.includes('/')
    ? isAbsolute(s.command)
      ? s.command
      : resolve(s.cwd, s.command)
    : findOnPath(s.command, s.env);
  if (path === undefined || !existsSync(path))
    throw new EngineSpawnError(
      { command: s.command, pathKey: s.pathKey },
      { cause: errno('ENOENT', s.command) },
    );
  try {
    accessSync(path, constants.X_OK);
  } catch {
    throw new EngineSpawnError({ command: s.command, pathKey: s.pathKey }, { cause: errno('EACCES', path) });
  }
}

function errno(code: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${path}`), { code, path });
}
