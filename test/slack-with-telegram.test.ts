import { describe, expect, it } from 'vitest';
import { ALICE, answers, CHANNEL, fakeSlack, slackSection, waitForAnswers } from './fakes/slack-e2e.js';
import { telegramConfig, telegramServer } from './fakes/telegram-fixture.js';
import { instanceDir, startDaemon } from './support/daemon.js';

const ADA = 4242;

describe('one daemon, Slack and Telegram at once', () => {
  it('answers each platform in its own chat, with sessions kept apart', async () => {
    const tg = await telegramServer();
    const slack = await fakeSlack();
    const { config } = instanceDir(telegramConfig(tg, { allowedUserIds: [ADA], extra: slackSection(slack) }));
    const daemon = startDaemon(config);
    const ready = await daemon.waitForLog('ferry is ready');
    expect([...(ready.transports as string[])].sort()).toEqual(['slack', 'telegram']);

    const onTelegram = tg.userSends(ADA, ADA, 'hello from telegram');
    const onSlack = slack.say({ user: ALICE, channel: CHANNEL, text: slack.mention('hello from slack') });
    await waitForAnswers(slack, onSlack.ts);
    await tg.waitFor(
      () => tg.repliesTo(ADA, onTelegram.message_id).some((m) => m.text.includes('— demo')),
      15_000,
      'the Telegram answer',
    );

    expect(answers(slack, onSlack.ts)[0]!.text).toMatch(
      /You said: "hello from slack"[\s\S]*turn 1 of demo session/,
    );
    const tgAnswer = tg.repliesTo(ADA, onTelegram.message_id).find((m) => m.text.includes('— demo'))!;
    expect(tgAnswer.text).toMatch(/You said: "hello from telegram"[\s\S]*turn 1 of demo session/);
    // nothing crossed over
    expect(slack.botMessages().some((m) => m.text.includes('telegram'))).toBe(false);
    expect(tg.botMessages(ADA).some((m) => m.text.includes('hello from slack'))).toBe(false);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });
});
