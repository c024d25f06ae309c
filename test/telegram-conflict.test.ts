import { describe, expect, it } from 'vitest';
import { telegramConfig, telegramServer } from './fakes/telegram-fixture.js';
import { instanceDir, startDaemon } from './support/daemon.js';

const ADA = 4242;
const CONFLICT = /another bot instance polls this token/;

describe('telegram: two daemons on one bot token', () => {
  it('the second gets 409 and says so once in its log, without crashing, while the first keeps working', async () => {
    const tg = await telegramServer();
    const config = telegramConfig(tg, { allowedUserIds: [ADA] });
    const first = startDaemon(instanceDir(config).config);
    await first.waitForLog('ferry is ready');
    const m1 = tg.userSends(ADA, ADA, 'first');
    await tg.waitFor(
      () => tg.repliesTo(ADA, m1.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'first answer',
    );
    const session = /turn 1 of demo session ([\w-]+)/.exec(tg.repliesTo(ADA, m1.message_id).at(-1)!.text)![1];

    // a different config dir: its own lock and state, the same bot
    const second = startDaemon(instanceDir(config).config);
    await second.waitForLog('ferry is ready');
    await second.waitForLog(CONFLICT, 15_000);

    const m2 = tg.userSends(ADA, ADA, 'second');
    await tg.waitFor(
      () => tg.repliesTo(ADA, m2.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'second answer',
    );
    // the first daemon answered it: the same demo session goes on
    expect(tg.repliesTo(ADA, m2.message_id).filter((m) => m.text.includes('— demo'))).toHaveLength(1);
    expect(tg.repliesTo(ADA, m2.message_id).at(-1)!.text).toContain(`turn 2 of demo session ${session}`);

    const errors = (d: typeof first) =>
      d.logs().filter((l) => Number(l.level) >= 50 && CONFLICT.test(String(l.msg)));
    expect(errors(second)).toHaveLength(1);
    expect(errors(second)[0]).toMatchObject({ yielding: true, err: { code: 'FERRY_TELEGRAM_CONFLICT' } });
    expect(second.proc.exitCode).toBeNull();
    expect(first.proc.exitCode).toBeNull();
    // backing off, not hammering: a handful of 409s in the whole test
    expect(tg.calls('getUpdates').filter((c) => c.status === 409).length).toBeLessThan(15);

    second.proc.kill('SIGTERM');
    first.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
    expect((await first.exit).code).toBe(0);
  });
});
