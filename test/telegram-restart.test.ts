import { describe, expect, it, onTestFinished } from 'vitest';
import { telegramConfig, telegramServer } from './fakes/telegram-fixture.js';
import { instanceDir, startDaemon } from './support/daemon.js';
import { alive, descendants } from './support/proc.js';

const ADA = 4242;

describe('telegram across daemon restarts', () => {
  it('messages sent while Ferry was down, before its first start and between two runs, are answered after start', async () => {
    const tg = await telegramServer();
    const { config } = instanceDir(telegramConfig(tg, { allowedUserIds: [ADA] }));
    const before = tg.userSends(ADA, ADA, 'sent before Ferry ever ran');

    const first = startDaemon(config);
    await tg.waitFor(
      () => tg.repliesTo(ADA, before.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'backlog answer',
    );
    first.proc.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);

    const down = tg.userSends(ADA, ADA, 'sent while Ferry was stopped');
    const second = startDaemon(config);
    await tg.waitFor(
      () => tg.repliesTo(ADA, down.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'answer after start',
    );
    // exactly once each: the journal's cursor confirmed the first batch, nothing ran twice
    for (const m of [before, down]) {
      expect(tg.repliesTo(ADA, m.message_id).filter((r) => r.text.includes('— demo'))).toHaveLength(1);
    }
    expect(tg.droppedPending).toBe(0);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });

  it('SIGKILL mid-run, then start: the progress message says "interrupted" and the user is told to /continue', async () => {
    const tg = await telegramServer();
    const { config } = instanceDir(
      telegramConfig(tg, { allowedUserIds: [ADA], extra: '[restart]\nlive_restore = false\n' }),
    );
    const first = startDaemon(config);
    await first.waitForLog('ferry is ready');
    const msg = tg.userSends(ADA, ADA, 'sleep 8');
    const progress = () => tg.repliesTo(ADA, msg.message_id)[0];
    await tg.waitFor(() => progress()?.text.includes('▸ $ sleep 8') === true, 15_000, 'the run under way');
    const orphans = descendants(first.proc.pid!);
    onTestFinished(() => {
      for (const pid of orphans) if (alive(pid)) process.kill(pid, 'SIGKILL');
    });
    first.proc.kill('SIGKILL');
    await first.exit;

    const second = startDaemon(config);
    await tg.waitFor(
      () => /interrupted/.test(tg.message(ADA, progress()!.message_id)!.text),
      15_000,
      'repaired progress',
    );
    expect(tg.message(ADA, progress()!.message_id)!.markup).toBeUndefined();
    await tg.waitFor(
      () => tg.botMessages(ADA).some((m) => m.text.includes('/continue')),
      15_000,
      'the /continue hint',
    );
    // the interrupted message is not run again on its own
    expect(tg.repliesTo(ADA, msg.message_id).filter((m) => m.text.includes('— demo'))).toHaveLength(0);

    const cont = tg.userSends(ADA, ADA, '/continue');
    await tg.waitFor(
      () => tg.botMessages(ADA).some((m) => m.text.includes('— demo')),
      15_000,
      'the resumed answer',
    );
    expect(tg.botMessages(ADA).filter((m) => m.text.includes('— demo'))).toHaveLength(1);
    expect(cont.message_id).toBeGreaterThan(msg.message_id);
    second.proc.kill('SIGTERM');
    expect((await second.exit).code).toBe(0);
  });
});
