import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { instanceDir, startDaemon } from '../support/daemon.js';
import { loopchat, loopchatConfig } from '../support/loopchat.js';

describe('/at across a crash', () => {
  it('fires a job set before SIGKILL once after the restart', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat));
    const first = startDaemon(config);
    await first.waitForLog('ferry is ready');
    const msg = chat.say('c1', '/at 2s later please');
    await chat.waitFor(
      () => chat.repliesTo(msg.id).some((m) => m.text.startsWith('⏰ at:1 set')),
      10_000,
      'the /at reply',
    );
    first.proc.kill('SIGKILL');
    await first.exit;
    await delay(2_500); // due while Ferry is down

    const fired = () => chat.bot.filter((m) => m.text.includes('via ⏰ at:1'));
    const second = startDaemon(config);
    await chat.waitFor(() => fired().length > 0, 20_000, 'the /at answer');
    expect(fired()[0]!.text).toContain('You said: "later please"');
    expect(chat.bot.some((m) => /^⏰ at:1 — set \d+ s ago; due|^⏰ at:1 — set \d+ s ago/.test(m.text))).toBe(
      true,
    );
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);

    // a third generation finds nothing left to fire
    const third = startDaemon(config);
    await third.waitForLog('ferry is ready');
    await delay(1_500);
    expect(fired()).toHaveLength(1);
    third.proc.kill('SIGTERM');
    expect((await third.exit).code).toBe(0);
  });
});
