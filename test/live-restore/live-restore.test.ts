import { describe, expect, it } from 'vitest';
import { startDaemon } from '../support/daemon.js';
import { alive } from '../support/proc.js';
import { detachedRun, expectAnsweredOnce, replies, runInFlight, SUPERVISED } from './live-restore-support.js';

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
});
