import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onTestFinished } from 'vitest';

export const REPO = resolve(fileURLToPath(import.meta.url), '../../..');
export const CLI = join(REPO, 'packages/core/dist/cli.js');

/** A temp instance dir holding `ferry.toml`; removed when the test ends. */
export function instanceDir(configText?: string): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-e2e-'));
  const config = join(dir, 'ferry.toml');
  if (configText !== undefined) writeFileSync(config, configText);
  onTestFinished(() => {
    stopDetachedEngines(dir);
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, config };
}

/** Live restore leaves engines running when a daemon is killed: a finished test ends them. */
export function stopDetachedEngines(dir: string): void {
  const runs = join(dir, 'state', 'runs');
  if (!existsSync(runs)) return;
  for (const run of readdirSync(runs)) {
    for (const name of ['engine.pid', 'shim.pid']) {
      try {
        const pid = Number.parseInt(readFileSync(join(runs, run, name), 'utf8'), 10);
        if (pid > 0) process.kill(name === 'engine.pid' ? -pid : pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
  }
}

export const DEMO_CONFIG = `default_engine = "demo"
[transports.console]
[engines.demo]
delay_ms = 20
`;

/** Runs the CLI to completion (for short commands). */
export function ferry(args: string[], env: NodeJS.ProcessEnv = {}, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface Daemon {
  readonly proc: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Parsed pino lines from stderr. */
  readonly logs: () => Record<string, unknown>[];
  /** Types a line into the console chat. */
  say(text: string): void;
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<string>;
  waitForLog(msg: string | RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `ferry run` as a real child process with its console on pipes; killed when the test ends. */
export function startDaemon(config: string, env: NodeJS.ProcessEnv = {}): Daemon {
  const proc = spawn(process.execPath, [CLI, 'run'], {
    // HOME is the instance dir: runs default to it (and save attachments there), never the real home
    env: { ...process.env, HOME: dirname(config), FERRY_CONFIG_PATH: config, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    notify();
  });
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err += d;
    notify();
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.on('exit', (code, signal) => {
      notify();
      resolve({ code, signal });
    }),
  );
  onTestFinished(() => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
  const logs = () =>
    err
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return {};
        }
      });
  const waitUntil = <T>(probe: () => T | undefined, what: string, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const check = () => {
        const v = probe();
        if (v === undefined) return false;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(v);
        return true;
      };
      const listener = () => void check();
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`timed out waiting for ${what}\n--- stdout:\n${out}\n--- stderr:\n${err}`));
      }, timeoutMs);
      if (!check()) listeners.add(listener);
    });
  return {
    proc,
    stdout: () => out,
    stderr: () => err,
    logs,
    exit,
    say: (text) => proc.stdin!.write(`${text}\n`),
    waitForStdout: (pattern, timeoutMs = 20_000) =>
      waitUntil(() => pattern.exec(out)?.[0], `stdout ${pattern}`, timeoutMs),
    waitForLog: (msg, timeoutMs = 20_000) =>
      waitUntil(
        () => logs().find((l) => (typeof msg === 'string' ? l.msg === msg : msg.test(String(l.msg)))),
        `log ${msg}`,
        timeoutMs,
      ),
  };
}
