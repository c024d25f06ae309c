import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { BotMessage, LoopchatServer, UserMessage } from '../fakes/loopchat-server.mjs';
import { CLI, ferry, instanceDir, startDaemon } from '../support/daemon.js';
import { loopchat, loopchatConfig } from '../support/loopchat.js';

/** A supervisor stand-in: the daemon believes a supervisor restarts it, as under systemd. */
export const SUPERVISED = { FERRY_SUPERVISED: '1' };

/** The demo engine, slowed down so that a run spans a restart: ~2 s per step, four steps. */
export function slowConfig(chat: LoopchatServer, extra = '', delayMs = 2000): string {
  return loopchatConfig(chat, extra).replace('delay_ms = 5', `delay_ms = ${delayMs}`);
}

export interface InFlightOptions {
  readonly delayMs?: number;
  readonly prompt?: string;
  readonly extra?: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** A daemon on the slow demo engine with one run in flight in chat c1, under its shim. */
export async function runInFlight(o: InFlightOptions = {}) {
  const chat = await loopchat();
  const { dir, config } = instanceDir(slowConfig(chat, o.extra, o.delayMs));
  const daemon = startDaemon(config, o.env);
  await daemon.waitForLog('ferry is ready');
  const msg = chat.say('c1', o.prompt ?? 'list my files');
  const run = await detachedRun(config, 'loopchat:c1');
  return { chat, dir, config, daemon, msg, run };
}

/** The run was answered once, with no "interrupted" notice, and its run directory is gone. */
export async function expectAnsweredOnce(chat: LoopchatServer, msg: UserMessage, instance: string) {
  await chat.waitFor(() => replies(chat, msg).answers.length > 0, 20_000, 'the answer');
  await new Promise((r) => setTimeout(r, 500)); // a second answer would show by now
  expect(replies(chat, msg).answers).toHaveLength(1);
  expect(replies(chat, msg).notices).toEqual([]);
  expect(runDirs(instance)).toEqual([]);
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
