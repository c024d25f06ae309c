import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { telegramConfig, telegramServer } from './fakes/telegram-fixture.js';
import { ferry, instanceDir, startDaemon } from './support/daemon.js';

const ADA = 4242;
const BOB = 5151;

describe('live config edits with Telegram', () => {
  it('applies an allowed-user edit within a second while a run is in flight, leaving that run untouched', async () => {
    const tg = await telegramServer();
    const { config } = instanceDir(telegramConfig(tg, { allowedUserIds: [ADA] }));
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    const long = tg.userSends(ADA, ADA, 'sleep 3');
    await tg.waitFor(() => tg.repliesTo(ADA, long.message_id).length > 0, 10_000, 'the run to start');

    const savedAt = Date.now();
    writeFileSync(config, telegramConfig(tg, { allowedUserIds: [ADA, BOB] }));
    const reloaded = await d.waitForLog('config reloaded');
    expect(reloaded).toMatchObject({ hot: ['transports.telegram.allowed_user_ids'], restart: [] });
    expect(Number(reloaded.time) - savedAt).toBeLessThan(1000);

    const bob = tg.userSends(BOB, BOB, 'hello, I am new here');
    await tg.waitFor(
      () => tg.repliesTo(BOB, bob.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'Bob answered',
    );
    await tg.waitFor(
      () => tg.repliesTo(ADA, long.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'the long run',
    );
    expect(tg.repliesTo(ADA, long.message_id).some((m) => /interrupted/.test(m.text))).toBe(false);
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status).toMatchObject({ pid: d.proc.pid, generation: 1 });
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('drains and restarts in the same process for a token change, then polls with the new token', async () => {
    const tg = await telegramServer();
    const { config } = instanceDir(telegramConfig(tg, { allowedUserIds: [ADA] }));
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    const NEW = `${tg.token.split(':')[0]}:NEW-token_xyz`;
    tg.acceptToken(NEW);
    writeFileSync(config, telegramConfig(tg, { allowedUserIds: [ADA] }).replace(tg.token, NEW));
    await d.waitForLog(/restarting in-process/);
    await vi.waitFor(() => expect(d.logs().filter((l) => l.msg === 'ferry is ready')).toHaveLength(2), {
      timeout: 15_000,
    });
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status).toMatchObject({ pid: d.proc.pid, generation: 2 });

    const msg = tg.userSends(ADA, ADA, 'after the token change');
    await tg.waitFor(
      () => tg.repliesTo(ADA, msg.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'answer',
    );
    expect(tg.calls('getUpdates').at(-1)?.token).toBe(NEW);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
