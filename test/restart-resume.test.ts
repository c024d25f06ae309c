import { describe, expect, it, vi } from 'vitest';
import { instanceDir, startDaemon } from './support/daemon.js';
import { loopchat, loopchatConfig } from './support/loopchat.js';

describe('resuming after a restart', () => {
  it('resumes an interrupted run by itself with restart.auto_resume, without a user message', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(
      loopchatConfig(chat, '[restart]\ndrain_timeout_s = 0\nauto_resume = true\n'),
    );
    const first = startDaemon(config);
    await first.waitForLog('ferry is ready');
    const msg = chat.say('c1', 'sleep 30');
    await chat.waitFor(
      () => chat.repliesTo(msg.id).some((m) => m.text.includes('sleep')),
      10_000,
      'the long action',
    );
    first.proc.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);

    const users = chat.users.length;
    const second = startDaemon(config);
    await chat.waitFor(
      () => chat.bot.some((m) => m.text.includes('This is turn 2 of demo session')),
      20_000,
      'the resumed answer',
    );
    expect(chat.users).toHaveLength(users);
    expect(chat.bot.some((m) => m.text.includes('resuming it now'))).toBe(true);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });

  it('restarts in-process on /restart without waiting out the deadline for the run that asked', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(
      loopchatConfig(chat, '[restart]\ndrain_timeout_s = 60\nlive_restore = false\n'),
    );
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    const msg = chat.say('c1', 'sleep 30');
    await chat.waitFor(
      () => chat.repliesTo(msg.id).some((m) => m.text.includes('sleep')),
      10_000,
      'the long action',
    );
    const asked = Date.now();
    chat.say('c1', '/restart');
    // not supervised: the next generation comes up in the same process
    await d.waitForLog(/restarting in-process/);
    await vi.waitFor(() => expect(d.logs().filter((l) => l.msg === 'ferry is ready')).toHaveLength(2), {
      timeout: 10_000,
    });
    expect(Date.now() - asked).toBeLessThan(10_000);
    const after = chat.say('c1', 'after the restart');
    await chat.waitFor(
      () => chat.repliesTo(after.id).some((m) => m.text.includes('— demo')),
      10_000,
      'an answer from generation 2',
    );
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('answers messages sent while the daemon was stopped, in order, telling the engine how late they are', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat));
    const first = startDaemon(config);
    await first.waitForLog('ferry is ready');
    first.proc.kill('SIGTERM');
    await first.exit;

    const early = chat.say('c1', 'written while down', { date: Date.now() - 3 * 3600_000 });
    const later = chat.say('c1', 'also while down');
    const ancient = chat.say('c2', 'from two days ago', { date: Date.now() - 48 * 3600_000 });
    const second = startDaemon(config);
    await chat.waitFor(
      () => [early, later].every((m) => chat.repliesTo(m.id).some((r) => r.text.includes('— demo'))),
      20_000,
      'both answers',
    );
    const answer = chat.repliesTo(early.id).find((r) => r.text.includes('— demo'))!;
    expect(answer.text).toMatch(/This message was sent 3 h 00 min ago, while Ferry was offline/);
    const order = chat.bot.filter((m) => m.text.includes('— demo')).map((m) => m.reply_to);
    expect(order.indexOf(early.id)).toBeLessThan(order.indexOf(later.id));
    await chat.waitFor(() => chat.repliesTo(ancient.id).length > 0, 10_000, 'the too-old notice');
    expect(chat.repliesTo(ancient.id).map((m) => m.text)).toEqual([
      expect.stringMatching(/skipped: too old/),
    ]);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });
});
