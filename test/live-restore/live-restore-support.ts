import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BotMessage, LoopchatServer, UserMessage } from '../fakes/loopchat-server.mjs';
import { CLI, ferry } from '../support/daemon.js';
import { loopchatConfig } from '../support/loopchat.js';

/** The demo engine, slowed down so that a run spans a restart: ~2 s per step, four steps. */
export function slowConfig(chat: LoopchatServer, extra = ''): string {
  return loopchatConfig(chat, extra).replace('delay_ms = 5', 'delay_ms = 2000');
}

export interface StatusRun {
  readonly session: string;
  readonly detached?: { readonly shim_pid?: number; readonly engine_pid?: number };
}

export function statusRuns(config: string): StatusRun[] {
  const r = ferry(['status', '--json'], { FERRY_CONFIG_PATH: config });
  if (r.code !== 0) return [];
  return (JSON.parse(r.stdout) as { runs: StatusRun[] }).runs;
}

/** The detached run of `session`, as the running daemon reports it. */
export async function detachedRun(config: string, session: string): Promise<Required<StatusRun['detached']>> {
  let found: StatusRun['detached'];
  await expect
    .poll(
      () => {
        found = statusRuns(config).find((r) => r.session === session)?.detached;
        return found?.engine_pid !== undefined && found.shim_pid !== undefined;
      },
      { timeout: 15_000, interval: 200 },
    )
    .toBe(true);
  return found as Required<StatusRun['detached']>;
}

/** The bot's messages in reply to `msg`: its progress message and its answers. */
export function replies(chat: LoopchatServer, msg: UserMessage) {
  const all = chat.repliesTo(msg.id);
  return {
    progress: all[0] as BotMessage | undefined,
    answers: all.filter((m) => m.text.includes('— demo')),
    notices: all.filter((m) => /interrupted|⚠️/.test(m.text)),
  };
}

/** No run directory is left: every run's outcome is recorded and its log removed. */
export function runDirs(instance: string): string[] {
  const dir = join(instance, 'state', 'runs');
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** The CLI without blocking this process (the loopback chat server lives here and must answer). */
export function ferryAsync(
  args: string[],
  config: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, FERRY_CONFIG_PATH: config }, timeout: 90_000 },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
