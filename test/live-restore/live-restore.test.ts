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
} from './live-restore-support.js';

/** A supervisor stand-in: the daemon believes a supervisor restarts it, as under systemd. */
const SUPERVISED = { FERRY_SUPERVISED: '1' };

describe('live restore: runs outlive the daemon', () => {
  it('SIGTERM under a supervisor: exits at once, the same engine carries on, its progress keeps updating, one answer', async () => {
    const { chat, dir, config, daemon: first, msg, run } = await runInFlight({ env: SUPERVISED });
    await chat.waitFor(() => chat.repliesTo(msg.id).length > 0, 10_000, 'the progress message');
    const sigterm = Date.now();
    first.proc.kill('SIGTERM');
    expect(await first.exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - sigterm).toBeLessThan(3000);
    expect(alive(run.engine_pid)).toBe(true);
    const editsBefore = replies(chat, msg).progress!.edits.length;

    const second = startDaemon(config, SUPERVISED);
    await second.waitForLog(/re-attached to a run/);
    expect((await detachedRun(config, 'loopchat:c1')).engine_pid).toBe(run.engine_pid);
    await expectAnsweredOnce(chat, msg, dir);
    // the same progress message went on being edited by the new daemon
    expect(replies(chat, msg).progress!.edits.length).toBeGreaterThan(editsBefore);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });

  it('SIGKILL of the daemon: the run goes on and is answered once by the next one', async () => {
    const { chat, dir, config, daemon: first, msg, run } = await runInFlight();
    first.proc.kill('SIGKILL');
    await first.exit;
    expect(alive(run.engine_pid)).toBe(true);
    const second = startDaemon(config);
    await second.waitForLog(/re-attached to a run/);
    expect((await detachedRun(config, 'loopchat:c1')).engine_pid).toBe(run.engine_pid);
    await expectAnsweredOnce(chat, msg, dir);
    second.proc.kill('SIGTERM');
    await second.exit;
  });

  it('a daemon down for longer than the run: the answer is delivered once at the next start', async () => {
    const { chat, dir, config, daemon: first, msg, run } = await runInFlight({ delayMs: 300 });
    first.proc.kill('SIGKILL');
    await first.exit;
    await expect.poll(() => alive(run.engine_pid), { timeout: 15_000 }).toBe(false);
    expect(replies(chat, msg).answers).toHaveLength(0);
    const second = startDaemon(config);
    await expectAnsweredOnce(chat, msg, dir);
    second.proc.kill('SIGTERM');
    await second.exit;
  });

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
