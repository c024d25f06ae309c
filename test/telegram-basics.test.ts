import { describe, expect, it } from 'vitest';
import { telegramConfig, telegramServer } from './fakes/telegram-fixture.js';
import { instanceDir, startDaemon } from './support/daemon.js';

const ADA = 4242;

describe('telegram: a message through the real daemon', () => {
  it('gets a progress message that is edited, then a final reply with a footer', async () => {
    const tg = await telegramServer();
    const { config } = instanceDir(telegramConfig(tg, { allowedUserIds: [ADA] }));
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    const msg = tg.userSends(ADA, ADA, 'hello ferry');
    await tg.waitFor(() => tg.repliesTo(ADA, msg.message_id).some((m) => m.text.includes('— demo')), 15_000, 'answer');
    const replies = tg.repliesTo(ADA, msg.message_id);
    console.log(JSON.stringify(tg.messages(ADA), null, 1).slice(0, 4000));
    expect(replies).toHaveLength(2);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
