import { describe, expect, it } from 'vitest';
import { instanceDir, startDaemon } from './support/daemon.js';
import { loopchat, loopchatConfig } from './support/loopchat.js';

describe('a polite stop (SIGTERM)', () => {
  it('tells the chat, lets the running run finish, answers it and exits 0 with nothing interrupted', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat));
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    const msg = chat.say('c1', 'sleep 2');
    await chat.waitFor(() => chat.repliesTo(msg.id).length > 0, 10_000, 'progress message');
    d.proc.kill('SIGTERM');
    await chat.waitFor(() => chat.bot.some((m) => m.text.includes('restarting')), 10_000, 'drain notice');
    expect(await d.exit).toEqual({ code: 0, signal: null });
    const answers = chat.repliesTo(msg.id).filter((m) => m.text.includes('— demo'));
    expect(answers).toHaveLength(1);
    expect(chat.bot.some((m) => m.text.includes('interrupted'))).toBe(false);
  });
});
