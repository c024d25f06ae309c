import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import type { Clock } from '@ferry/core';
import { GitFailedError, GitNotARepoError, GitNotFoundError, GitTimeoutError } from './git-errors.js';

export interface RunGitOptions {
  readonly cwd: string;
  /** The git executable. */
  readonly path: string;
  readonly env: NodeJS.ProcessEnv;
  readonly timeoutMs: number;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
}

/** More output than any chat block shows; past it git is stopped, not read to the end. */
const MAX_OUTPUT_BYTES = 256 * 1024;

/**
 * Runs `git <args>` in `cwd` without a shell and returns its stdout. Typed errors say what is
 * wrong: git missing, not a repository, too slow, or git's own complaint.
 */
export async function runGit(args: readonly string[], o: RunGitOptions): Promise<string> {
  if (!isDirectory(o.cwd)) throw new GitNotARepoError(`${o.cwd} does not exist or is not a directory`);
  // no pager, no colour, no prompts, no lock taken by a read-only status (it would race the engine's git)
  const argv = ['--no-pager', '-c', 'color.ui=never', '-c', 'core.quotepath=off', ...args];
  const child = spawn(o.path, argv, {
    cwd: o.cwd,
    env: { ...o.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', LC_ALL: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so a kill also reaches what git started (hooks, helpers, fsmonitor)
    detached: true,
  });
  const kill = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  let outBytes = 0;
  let truncated = false;
  child.stdout.on('data', (b: Buffer) => {
    if (truncated) return;
    out.push(b);
    outBytes += b.length;
    if (outBytes > MAX_OUTPUT_BYTES) {
      truncated = true;
      kill();
    }
  });
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const exited = new Promise<{ code: number | null } | { error: NodeJS.ErrnoException }>((resolve) => {
    child.once('error', (error) => resolve({ error }));
    child.once('close', (code) => resolve({ code }));
  });
  const timer = new AbortController();
  const onAbort = () => timer.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await Promise.race([
      exited,
      o.clock.sleep(o.timeoutMs, timer.signal).then(
        () => 'timeout' as const,
        () => 'aborted' as const,
      ),
    ]);
    if (result === 'timeout' || result === 'aborted') {
      kill();
      await exited;
      if (result === 'aborted') throw o.signal?.reason ?? new GitTimeoutError('git was stopped');
      throw new GitTimeoutError(
        `git ${args.join(' ')} took longer than ${o.timeoutMs} ms in ${o.cwd} and was stopped`,
      );
    }
    if ('error' in result) {
      if (result.error.code === 'ENOENT') {
        throw new GitNotFoundError(
          `git is not installed or not on PATH (looked for "${o.path}"); install git or set [plugins.git] path`,
          { cause: result.error },
        );
      }
      throw new GitFailedError(`could not run ${o.path}: ${result.error.message}`, { cause: result.error });
    }
    const stdout = Buffer.concat(out).toString('utf8');
    if (truncated) return stdout;
    if (result.code !== 0) {
      const stderr = Buffer.concat(err).toString('utf8').trim();
      if (/not a git repository/i.test(stderr))
        throw new GitNotARepoError(`${o.cwd} is not a git repository`);
      throw new GitFailedError(
        `git ${args[0]} failed (exit ${result.code}): ${stderr.split('\n').slice(-3).join(' ').slice(0, 300)}`,
      );
    }
    return stdout;
  } finally {
    timer.abort(); // the losing timer must not keep the event loop open
    o.signal?.removeEventListener('abort', onAbort);
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
