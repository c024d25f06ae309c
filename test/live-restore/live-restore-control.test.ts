import { describe, expect, it } from 'vitest';
import { startDaemon } from '../support/daemon.js';
import { alive } from '../support/proc.js';
import {
  detachedRun,
  expectAnsweredOnce,
  ferryAsync,
  replies,
  runDirs,
  runInFlight,
  SUPERVISED,
} from './live-restore-support.js';

describe('live restore: cancel, restart and stop with a run under its shim', () => {
  it('/cancel after a restart reaches the engine through its shim and leaves no process behind', async () => {
    const { chat, config, daemon: first, msg, run } = await runInFlight({ prompt: 'sleep 60' });
    first.proc.kill('SIGKILL');
    await first.exit;
    const second = startDaemon(config);
    await second.waitForLog(/re-attached to a run/);
    chat.say('c1', '/cancel');
    await chat.waitFor(
      () => chat.repliesTo(msg.id).some((m) => /cancelled/.test(m.text)),
      15_000,
      'the cancelled run',
    );
    await expect.poll(() => alive(run.engine_pid) || alive(run.shim_pid), { timeout: 10_000 }).toBe(false);
    let group = true;
    try {
      process.kill(-run.engine_pid, 0);
    } catch {
      group = false;
    }
    expect(group).toBe(false);
    second.proc.kill('SIGTERM');
    await second.exit;
  });

  it('/restart in-process hands the run to the next generation without waiting for it', async () => {
    const { chat, dir, config, daemon, msg, run } = await runInFlight({
      extra: '[restart]\ndrain_timeout_s = 60\n',
    });
    chat.say('c2', '/restart');
    await daemon.waitForLog(/restarting in-process/, 10_000);
    await daemon.waitForLog(/re-attached to a run/);
    expect((await detachedRun(config, 'loopchat:c1')).engine_pid).toBe(run.engine_pid);
    await expectAnsweredOnce(chat, msg, dir);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });

  it('`ferry stop --drain` waits for the run and answers it before exiting', async () => {
    const { chat, dir, config, daemon, msg } = await runInFlight({ delayMs: 500, env: SUPERVISED });
    const stop = await ferryAsync(['stop', '--drain'], config);
    expect(stop.stderr).toBe('');
    expect(stop.stdout).toMatch(/waiting for 1 run\(s\) to finish\nstopped\n/);
    expect((await daemon.exit).code).toBe(0);
    expect(replies(chat, msg).answers).toHaveLength(1);
    expect(runDirs(dir)).toEqual([]);
  });
});
