import { describe, expect, it } from 'vitest';
import { instanceDir, startDaemon } from './support/daemon.js';
import { loopchat, loopchatConfig } from './support/loopchat.js';
import { alive, descendants } from './support/proc.js';

const sessionOf = (text: string) => /demo session ([0-9a-f-]+)/.exec(text)?.[1];

describe('a drain that reaches its deadline', () => {
  it('cancels the run, leaves no engine process, tells the chat, and /continue resumes it after the start', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat, '[restart]\ndrain_timeout_s = 1\n'));
    const first = startDaemon(config);
    await first.waitForLog('ferry is ready');
    const msg = chat.say('c1', 'sleep 30');
    await chat.waitFor(
      () => chat.repliesTo(msg.id).some((m) => m.text.includes('sleep')),
      10_000,
      'the long action',
    );
    const engines = descendants(first.proc.pid!);
    expect(engines.length).toBeGreaterThan(0);

    first.proc.kill('SIGTERM');
    expect(await first.exit).toEqual({ code: 0, signal: null });
    for (const pid of engines) expect(alive(pid)).toBe(false);
    expect(chat.bot.some((m) => /1 run\(s\) interrupted/.test(m.text))).toBe(true);

    const second = startDaemon(config);
    await second.waitForLog('ferry is ready');
    await chat.waitFor(
      () => chat.bot.some((m) => m.text.includes('/continue') && m.reply_to === msg.id),
      10_000,
      'the /continue hint',
    );
    const progress = chat.repliesTo(msg.id)[0]!;
    expect(progress.text).toMatch(/⚠️ interrupted by restart/);

    chat.say('c1', '/continue');
    await chat
      .waitFor(
        () => chat.bot.some((m) => m.text.includes('This is turn 2 of demo session')),
        20_000,
        'the resumed answer',
      )
      .catch((err) => {
        throw new Error(
          `${err.message}; chat: ${JSON.stringify(chat.bot.map((m) => m.text))}\n${second.stderr()}`,
        );
      });
    const resumed = chat.bot.find((m) => m.text.includes('This is turn 2'))!;
    // the demo agent's first turn printed its session id in the progress; the resumed turn carries the same id
    const sessions = new Set(chat.bot.map((m) => sessionOf(m.text)).filter(Boolean));
    expect(sessions.size).toBe(1);
    expect(resumed.text).toMatch(/interrupted by a restart/);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });
});
