import { describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, MALLORY, slackHarness, TestIngress } from './__fixtures__/slack-harness.js';

describe('SlackTransport inbound (Socket Mode, real Bolt against the fake)', () => {
  it('acks an envelope only after ingress.accept resolved', async () => {
    const ingress = new TestIngress();
    const { fake } = await slackHarness({ ingress });
    ingress.hold();
    const m = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('hello') });
    await expect.poll(() => ingress.calls).toBeGreaterThanOrEqual(2);
    // both copies (message, app_mention) reached the journal and wait there: nothing is acked
    await new Promise((r) => setTimeout(r, 100));
    expect(
      fake.envelopes
        .filter((e) => !e.payload.event || (e.payload.event as { ts?: string }).ts === m.ts)
        .every((e) => !e.acked),
    ).toBe(true);
    ingress.release();
    await fake.waitFor(() => fake.envelopes.every((e) => e.acked), 5000, 'the acks');
    expect(ingress.events).toHaveLength(1);
    expect(ingress.events[0]).toMatchObject({
      transport: 'slack',
      dedupeKey: `${CHANNEL}:${m.ts}`,
      kind: 'message',
      chat: { transport: 'slack', chat: CHANNEL, thread: m.ts },
      sender: { id: ALICE },
      text: 'hello',
      messageRef: { id: m.ts },
    });
  });

  it('does not ack when journaling fails, so Slack redelivers and the event is taken once', async () => {
    const ingress = new TestIngress();
    const { fake } = await slackHarness({ ingress, fake: { redeliverAfterMs: 200 } });
    ingress.failNext = 2;
    const m = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('retry me') });
    await fake.waitFor(
      () => fake.envelopes.length === 2 && fake.envelopes.every((e) => e.acked),
      5000,
      'acks after the retry',
    );
    expect(fake.envelopes.every((e) => e.deliveries === 2)).toBe(true);
    expect(ingress.events.map((e) => e.dedupeKey)).toEqual([`${CHANNEL}:${m.ts}`]);
  });

  it('continues a thread it is in without a mention and ignores what it must not answer', async () => {
    const { fake, ingress } = await slackHarness();
    const start = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('start') });
    await expect.poll(() => ingress.texts()).toEqual(['start']);
    fake.say({ user: ALICE, channel: CHANNEL, text: 'no mention, top level' });
    fake.say({ user: MALLORY, channel: CHANNEL, text: fake.mention('not allowed') });
    const other = fake.say({ user: ALICE, channel: CHANNEL, text: 'elsewhere', deliver: false });
    fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: 'reply in a thread Ferry is not in',
      thread_ts: other.ts,
    });
    const reply = fake.say({ user: ALICE, channel: CHANNEL, text: 'follow-up', thread_ts: start.ts });
    await fake.waitFor(() => fake.envelopes.every((e) => e.acked), 5000, 'every ack');
    expect(ingress.texts()).toEqual(['start', 'follow-up']);
    expect(ingress.events[1]).toMatchObject({
      chat: { chat: CHANNEL, thread: start.ts },
      messageRef: { id: reply.ts },
    });
    // the cursor covers every person's message in the channel, ignored ones too
    expect(ingress.cursors.get(`slack:T0FAKE:${CHANNEL}`)).toBe(reply.ts);
  });
});

describe('SlackTransport: DMs, project chats, commands and buttons', () => {
  it('takes every DM message of an allowed user, none of anyone else', async () => {
    const { fake, ingress } = await slackHarness();
    const dm = fake.dm(ALICE);
    const m = fake.say({ user: ALICE, channel: dm, text: 'hi in private' });
    fake.say({ user: MALLORY, channel: fake.dm(MALLORY), text: 'let me in' });
    await fake.waitFor(
      () => fake.envelopes.length === 2 && fake.envelopes.every((e) => e.acked),
      5000,
      'acks',
    );
    expect(ingress.events).toHaveLength(1);
    expect(ingress.events[0]).toMatchObject({
      chat: { transport: 'slack', chat: dm },
      text: 'hi in private',
      dedupeKey: `${dm}:${m.ts}`,
    });
    expect(ingress.events[0]!.chat.thread).toBeUndefined();
  });

  it('accepts a channel bound to a project besides channel_ids', async () => {
    const fakeOptions = { channels: [CHANNEL, 'C0PROJECT', 'C0OTHER'] };
    const { fake, ingress } = await slackHarness({
      fake: fakeOptions,
      projectChats: [{ transport: 'slack', chat: 'C0PROJECT' }],
    });
    fake.say({ user: ALICE, channel: 'C0PROJECT', text: fake.mention('in the project') });
    fake.say({ user: ALICE, channel: 'C0OTHER', text: fake.mention('elsewhere') });
    await fake.waitFor(
      () => fake.envelopes.length === 4 && fake.envelopes.every((e) => e.acked),
      5000,
      'acks',
    );
    expect(ingress.texts()).toEqual(['in the project']);
  });

  it('turns /ferry <command>, !command and a mentioned !command into /command', async () => {
    const { fake, ingress } = await slackHarness();
    const slash = fake.slash({ user: ALICE, channel: CHANNEL, text: 'status now' });
    const bare = fake.slash({ user: ALICE, channel: CHANNEL, text: '' });
    const start = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('!cancel') });
    fake.say({ user: ALICE, channel: fake.dm(ALICE), text: '!status' });
    fake.slash({ user: MALLORY, channel: CHANNEL, text: 'restart' });
    await fake.waitFor(
      () => fake.envelopes.length === 6 && fake.envelopes.every((e) => e.acked),
      5000,
      'acks',
    );
    expect(ingress.texts().sort()).toEqual(['/cancel', '/help', '/status', '/status now']);
    const command = ingress.events.find((e) => e.text === '/status now')!;
    expect(command).toMatchObject({
      kind: 'message',
      chat: { chat: CHANNEL },
      dedupeKey: `command:${slash.payload.trigger_id}`,
    });
    expect(bare.ackPayload).toEqual({});
    expect(ingress.events.find((e) => e.text === '/cancel')!.chat.thread).toBe(start.ts);
  });

  it('turns a click on a posted button into a callback with its data, for allowed users only', async () => {
    const { fake, ingress, transport } = await slackHarness();
    const start = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('go') });
    await expect.poll(() => ingress.events.length).toBe(1);
    const chat = ingress.events[0]!.chat;
    const ref = await transport.send(chat, {
      text: 'working',
      buttons: [[{ text: 'Cancel', data: 'cancel:7' }]],
    });
    fake.click({ user: MALLORY, channel: CHANNEL, ts: ref.id });
    fake.click({ user: ALICE, channel: CHANNEL, ts: ref.id, value: 'cancel:7' });
    await expect.poll(() => ingress.events.length).toBe(2);
    await fake.waitFor(() => fake.envelopes.every((e) => e.acked), 5000, 'acks');
    expect(ingress.events[1]).toMatchObject({
      kind: 'callback',
      text: 'cancel:7',
      chat: { chat: CHANNEL, thread: start.ts },
      messageRef: { id: ref.id },
      sender: { id: ALICE },
    });
  });
});

describe('SlackTransport reconnects', () => {
  it('after refresh_requested and after a hard drop, losing no event raised meanwhile', async () => {
    const { fake, ingress } = await slackHarness();
    fake.disconnect('refresh_requested');
    fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('during the refresh') });
    await expect.poll(() => ingress.texts(), { timeout: 5000 }).toEqual(['during the refresh']);
    fake.hardDrop();
    fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('during the drop') });
    await expect
      .poll(() => ingress.texts(), { timeout: 5000 })
      .toEqual(['during the refresh', 'during the drop']);
    expect(fake.socketMode.connectionsOpened).toBe(3);
  });

  it('keeps trying to reconnect while apps.connections.open fails (Slack or the network down for a while)', async () => {
    const { fake, ingress } = await slackHarness();
    fake.fault('apps.connections.open', { error: 'internal_error', times: 2 });
    fake.hardDrop();
    fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('after the outage') });
    await expect.poll(() => ingress.texts(), { timeout: 10_000 }).toEqual(['after the outage']);
    expect(fake.calls('apps.connections.open')).toHaveLength(4);
  });

  it('fails start with FERRY_SLACK_AUTH for a refused bot token and FERRY_SLACK_CONNECT for a bot token as app token', async () => {
    const bad = await slackHarness({ config: { bot_token: 'xoxb-wrong' }, start: false });
    await expect(bad.transport.start(bad.ingress)).rejects.toMatchObject({ code: 'FERRY_SLACK_AUTH' });
    const swapped = await slackHarness({
      server: bad.fake,
      config: { app_token: bad.fake.botToken },
      start: false,
    });
    await expect(swapped.transport.start(swapped.ingress)).rejects.toMatchObject({
      code: 'FERRY_SLACK_CONNECT',
    });
  });
});
