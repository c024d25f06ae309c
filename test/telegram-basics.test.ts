import { describe, expect, it } from 'vitest';
import { telegramConfig, telegramServer } from './fakes/telegram-fixture.js';
import { instanceDir, startDaemon } from './support/daemon.js';

const ADA = 4242;
const STRANGER = 6666;
const GROUP = -100777;

describe('telegram through the real daemon', () => {
  it('a message gets a progress message that is edited, then a reply with a footer; a reply to it continues the session', async () => {
    const tg = await telegramServer();
    const { config } = instanceDir(telegramConfig(tg, { allowedUserIds: [ADA] }));
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    expect(tg.calls('deleteWebhook')[0]!.params.drop_pending_updates).toBe(false);
    await tg.waitFor(() => tg.commands() !== undefined, 5000, 'the command menu');
    expect(tg.commands()!.map((c) => c.command)).toContain('cancel');

    const msg = tg.userSends(ADA, ADA, 'hello ferry');
    const answered = () => tg.repliesTo(ADA, msg.message_id).find((m) => m.text.includes('— demo'));
    await tg.waitFor(() => answered() !== undefined, 15_000, 'answer');
    const [progress, answer] = tg.repliesTo(ADA, msg.message_id);
    expect(progress!.silent).toBe(true);
    expect(progress!.edits.some((e) => /⚙️ working · demo \(demo\) · .* · [1-9] steps?\n✓/.test(e.text))).toBe(
      true,
    );
    expect(progress!.edits.some((e) => e.markup?.[0]?.[0]?.text === '✖ Cancel')).toBe(true);
    await tg.waitFor(
      () => /^✓ done · .* · 3 steps$/.test(tg.message(ADA, progress!.message_id)!.text),
      5000,
      'summary',
    );
    expect(tg.message(ADA, progress!.message_id)!.markup).toBeUndefined();
    expect(answer!.text).toMatch(
      /You said: "hello ferry"[\s\S]*\n\n— demo \(demo\) · .* · 3 steps · .*\ndemo --resume [\w-]+$/,
    );
    expect(answer!.parseMode).toBe('HTML');
    expect(answer!.entities.map((e) => e.type)).toContain('code');

    const next = tg.userSends(ADA, ADA, 'and again', { replyTo: answer!.message_id });
    await tg.waitFor(
      () => tg.repliesTo(ADA, next.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'second answer',
    );
    expect(tg.repliesTo(ADA, next.message_id).at(-1)!.text).toMatch(/This is turn 2 of demo session/);

    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('an unauthorised user runs nothing; a forum topic is a session of its own; Cancel stops a run', async () => {
    const tg = await telegramServer();
    const { config } = instanceDir(telegramConfig(tg, { chatId: GROUP, allowedUserIds: [ADA] }));
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');

    tg.userSends(STRANGER, STRANGER, 'let me in');
    tg.userSends(-100999, ADA, 'an allowed user in a group that is not configured');
    const topic = tg.createTopic(GROUP, 'backend');
    const inTopic = tg.userSends(GROUP, STRANGER, 'sleep 30', { threadId: topic });
    const progress = () => tg.repliesTo(GROUP, inTopic.message_id).find((m) => m.markup !== undefined);
    await tg.waitFor(() => progress() !== undefined, 15_000, 'progress with a Cancel button');
    expect(progress()!.threadId).toBe(topic);

    // the main chat outside the topic is another session: it runs at once, not queued behind
    const general = tg.userSends(GROUP, STRANGER, 'quick one');
    await tg.waitFor(
      () => tg.repliesTo(GROUP, general.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'general',
    );
    expect(tg.repliesTo(GROUP, general.message_id).every((m) => m.threadId === undefined)).toBe(true);

    const progressId = progress()!.message_id;
    tg.pressButton(GROUP, progressId, STRANGER, '✖ Cancel');
    await tg.waitFor(
      () => tg.repliesTo(GROUP, inTopic.message_id).some((m) => m.text.includes('interrupted')),
      15_000,
      'cancelled',
    );
    await tg.waitFor(() => /^⏹ cancelled · /.test(tg.message(GROUP, progressId)!.text), 5000, 'summary');
    expect(tg.message(GROUP, progressId)!.markup).toBeUndefined();
    expect(tg.calls('answerCallbackQuery').map((c) => c.status)).toEqual([200]);

    expect(tg.botMessages(STRANGER)).toEqual([]);
    expect(tg.botMessages(-100999)).toEqual([]);
    expect(tg.pendingUpdates).toBe(0);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('a rejected bot token stops the start with one clear error line (exit 1)', async () => {
    const tg = await telegramServer();
    const { config } = instanceDir(telegramConfig(tg).replace(tg.token, '999:revoked-token'));
    // a child, not spawnSync: the fake Telegram lives in this process and must keep answering
    const d = startDaemon(config);
    expect((await d.exit).code).toBe(1);
    const errors = d
      .stderr()
      .split('\n')
      .filter((l) => l.startsWith('error:'));
    expect(errors).toEqual([expect.stringMatching(/bot token was rejected \(401 Unauthorized\).*bot_token/)]);
  });
});
