import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { onTestFinished } from 'vitest';

const HOOKS_URL = new URL('./ts-hooks.mjs', import.meta.url).href;
// `--import` takes a module; a data: URL saves a second fixture file just to call register().
const REGISTER = `data:text/javascript,import{register}from'node:module';register(${JSON.stringify(HOOKS_URL)});`;

/** A `node` child running a fixture script that may import our `.ts` sources. */
export interface NodeChild {
  readonly process: ChildProcess;
  readonly pid: number;
  /** Every stdout line so far. */
  readonly lines: string[];
  /** Resolves with the first stdout line (past or future) that matches; rejects on exit or timeout. */
  waitForLine(match: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or the signal name) once the child is gone. */
  readonly exited: Promise<number | NodeJS.Signals>;
  stderr(): string;
}

/**
 * Spawns `node <script> ...args` with the TypeScript hooks registered. The child is SIGKILLed
 * when the test finishes, whatever happened, so a failing test never leaks a process.
 */
export function startNodeChild(scriptUrl: URL, args: readonly string[] = []): NodeChild {
  const child = spawn(process.execPath, ['--import', REGISTER, scriptUrl.pathname, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const wake of waiters) wake();
  });
  let ended = false;
  // 'close', not 'exit': only then has every stdout line been read.
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('close', (code, signal) => {
      ended = true;
      resolve(signal ?? code ?? -1);
      for (const wake of waiters) wake();
    });
  });
  const waitForLine = (match: RegExp, timeoutMs = 15_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const found = lines.find((l) => match.test(l));
        if (found !== undefined) {
          done(() => resolve(found));
        } else if (ended) {
          done(() => reject(new Error(`child exited before printing ${match}; stderr:\n${stderr}`)));
        }
      };
      const timer = setTimeout(
        () =>
          done(() =>
            reject(new Error(`no line matching ${match} within ${timeoutMs} ms; stderr:\n${stderr}`)),
          ),
        timeoutMs,
      );
      const done = (settle: () => void): void => {
        clearTimeout(timer);
        waiters.delete(check);
        settle();
      };
      waiters.add(check);
      check();
    });
  if (child.pid === undefined) throw new Error(`could not spawn ${process.execPath}`);
  return { process: child, pid: child.pid, lines, waitForLine, exited, stderr: () => stderr };
}
