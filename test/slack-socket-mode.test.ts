import { describe, expect, it } from 'vitest';
import { ALICE, answers, CHANNEL, fakeSlack, pause, slackConfig, waitForAnswers } from './fakes/slack-e2e.js';
import { instanceDir, startDaemon } from './support/daemon.js';

describe('Slack (Socket Mode) through the real daemon', () => {
  it('answers a mention in its thread: progress with Cancel, the answer with footer, one run for both copies and for a retry', async () => {
    const fake = await fakeSlack({ redeliverAfterMs: 300 });
    const { config } = instanceDir(slackConfig(fake));
    const daemon = startDaemon(config);
    await daemon.waitForLog('ferry is ready');

    const m = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('hello from slack') });
    await waitForAnswers(fake, m.ts);
    const inThread = fake.botMessages({ channel: CHANNEL, thread: m.ts });
    const [progress] = inThread;
    // posted with a Cancel button, edited in place, shrunk to a summary once the answer is out
    const firstPost = fake.calls('chat.postMessage')[0]!.params;
    expect(firstPost.thread_ts).toBe(m.ts);
    expect(String(firstPost.blocks)).toMatch(/"text":"Cancel".*"value":"cancel:\d+"/);
    await fake.waitFor(() => /^✓ done/.test(progress!.text), 5000, 'the summary');
    expect(progress!.blocks).toBeUndefined();
    const [answer] = answers(fake, m.ts);
    expect(answer!.text).toMatch(/Demo engine here \(no AI\)\. You said: "hello from slack"/);
    expect(answer!.text).toMatch(/\n\n_— demo \(demo\) · .+_/);
    // the message and app_mention copies were both acked and ran once
    const copies = fake.envelopesFor(m.ts);
    expect(copies.map((e) => (e.payload.event as { type: string }).type).sort()).toEqual([
      'app_mention',
      'message',
    ]);
    expect(copies.every((e) => e.acked)).toBe(true);

    // acks lost on the way: Slack redelivers both envelopes, the journal runs the message once
    const retried = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('say it once') });
    fake.ignoreNextAcks(2, (e) => fake.envelopesFor(retried.ts).includes(e));
    await waitForAnswers(fake, retried.ts);
    await fake.waitFor(
      () => fake.envelopesFor(retried.ts).every((e) => e.acked && e.deliveries >= 2),
      5000,
      'the redeliveries',
    );
    await pause(300);
    expect(answers(fake, m.ts)).toHaveLength(1);
    expect(answers(fake, retried.ts)).toHaveLength(1);

    // a follow-up in the thread needs no mention and continues the same session
    fake.say({ user: ALICE, channel: CHANNEL, text: 'and again', thread_ts: m.ts });
    await waitForAnswers(fake, m.ts, 2);
    expect(answers(fake, m.ts)[1]!.text).toMatch(/turn 2 of demo session/);

    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });

  it('cancels a long run from the Cancel button', async () => {
    const fake = await fakeSlack();
    const { config } = instanceDir(slackConfig(fake));
    const daemon = startDaemon(config);
    await daemon.waitForLog('ferry is ready');
    const m = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('sleep 20') });
    await fake.waitFor(
      () =>
        fake.botMessages({ thread: m.ts }).some((b) => JSON.stringify(b.blocks ?? []).includes('cancel:')),
      10_000,
      'the Cancel button',
    );
    const progress = fake.botMessages({ thread: m.ts })[0]!;
    fake.click({ user: ALICE, channel: CHANNEL, ts: progress.ts });
    await fake.waitFor(
      () =>
        fake.botMessages({ thread: m.ts }).some((b) => /interrupted/.test(b.text) && b.ts !== progress.ts),
      10_000,
      'the cancellation',
    );
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });

  it('reconnects after refresh_requested and after a hard drop without losing an event', async () => {
    const fake = await fakeSlack();
    const { config } = instanceDir(slackConfig(fake));
    const daemon = startDaemon(config);
    await daemon.waitForLog('ferry is ready');
    fake.disconnect('refresh_requested');
    const one = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('during the refresh') });
    await waitForAnswers(fake, one.ts);
    fake.hardDrop();
    const two = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('during the drop') });
    await waitForAnswers(fake, two.ts);
    expect(fake.socketMode.connectionsOpened).toBe(3);
    expect(answers(fake, one.ts)).toHaveLength(1);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });
});

describe('Slack: nothing lost across crashes and downtime', () => {
  it('redelivers an envelope the daemon got but never journaled (SIGKILL), and runs it once', async () => {
    const fake = await fakeSlack({ redeliverAfterMs: 500, maxRetries: 20 });
    const { config } = instanceDir(slackConfig(fake));
    let daemon = startDaemon(config);
    await daemon.waitForLog('ferry is ready');
    // frozen: the envelope reaches its socket but no code runs to journal or ack it
    daemon.proc.kill('SIGSTOP');
    const m = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('survive the crash') });
    await fake.waitFor(() => fake.envelopes.some((e) => e.deliveries >= 1), 5000, 'the delivery');
    daemon.proc.kill('SIGKILL');
    await daemon.exit;
    expect(fake.envelopesFor(m.ts).filter((e) => e.acked)).toEqual([]);

    daemon = startDaemon(config);
    await waitForAnswers(fake, m.ts);
    await pause(300);
    expect(answers(fake, m.ts)).toHaveLength(1);
    const copies = fake.envelopesFor(m.ts);
    expect(copies).toHaveLength(2);
    expect(copies.every((e) => e.acked && e.deliveries >= 2)).toBe(true);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });

  it('answers after start what was posted while it was stopped (catch-up through history)', async () => {
    const fake = await fakeSlack();
    const { config } = instanceDir(slackConfig(fake));
    let daemon = startDaemon(config);
    await daemon.waitForLog('ferry is ready');
    const first = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('before the stop') });
    await waitForAnswers(fake, first.ts);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);

    // Slack stopped trying to deliver these: only conversations.history/replies have them
    const mention = fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: fake.mention('while you were out'),
      deliver: false,
    });
    fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: 'in the old thread',
      thread_ts: first.ts,
      deliver: false,
    });
    fake.say({ user: ALICE, channel: CHANNEL, text: 'top-level chatter', deliver: false });

    daemon = startDaemon(config);
    await waitForAnswers(fake, mention.ts);
    await waitForAnswers(fake, first.ts, 2);
    expect(answers(fake, mention.ts)[0]!.text).toMatch(/You said: "while you were out"/);
    expect(answers(fake, first.ts)[1]!.text).toMatch(/in the old thread/);
    expect(fake.botMessages().filter((b) => /top-level chatter/.test(b.text))).toEqual([]);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });
});
