import { MemoryPluginStore } from '@ferry/core/testing';
import { describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, slackHarness, TestIngress } from './__fixtures__/slack-harness.js';

describe('catch-up after downtime', () => {
  it('starts a new install from now: old mentions in history are not answered', async () => {
    const { FakeSlackServer } = await import('../../../test/fakes/slack-server.js');
    const server = await FakeSlackServer.start();
    const old = server.say({
      user: ALICE,
      channel: CHANNEL,
      text: server.mention('from last year'),
      deliver: false,
    });
    const { ingress } = await slackHarness({ server });
    expect(ingress.events).toEqual([]);
    const cursor = ingress.cursors.get(`slack:T0FAKE:${CHANNEL}`);
    expect(cursor && Number(cursor)).toBeGreaterThanOrEqual(Number(old.ts));
    await server.close();
  });

  it('reads mentions and replies in its threads posted while it was stopped, and nothing else', async () => {
    const ingress = new TestIngress();
    const store = new MemoryPluginStore();
    const first = await slackHarness({ ingress, store });
    const { fake } = first;
    const start = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('first') });
    await expect.poll(() => ingress.texts()).toEqual(['first']);
    await first.transport.stop();

    // Slack gave up delivering these: only history knows them
    const away = fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: fake.mention('while away'),
      deliver: false,
    });
    fake.say({ user: ALICE, channel: CHANNEL, text: 'chatter without a mention', deliver: false });
    const reply = fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: 'reply in my thread',
      thread_ts: start.ts,
      deliver: false,
    });
    const foreign = fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: 'someone else’s thread',
      deliver: false,
    });
    fake.say({ user: ALICE, channel: CHANNEL, text: 'not for Ferry', thread_ts: foreign.ts, deliver: false });
    const followUp = fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: 'follow-up to the new mention',
      thread_ts: away.ts,
      deliver: false,
    });

    await slackHarness({ server: fake, ingress, store });
    expect(ingress.texts()).toEqual([
      'first',
      'while away',
      'reply in my thread',
      'follow-up to the new mention',
    ]);
    expect(ingress.events.find((e) => e.text === 'reply in my thread')).toMatchObject({
      dedupeKey: `${CHANNEL}:${reply.ts}`,
      chat: { chat: CHANNEL, thread: start.ts },
    });
    expect(ingress.events.at(-1)).toMatchObject({
      dedupeKey: `${CHANNEL}:${followUp.ts}`,
      chat: { thread: away.ts },
    });
    expect(ingress.cursors.get(`slack:T0FAKE:${CHANNEL}`)).toBe(followUp.ts);
    expect(fake.calls('conversations.history').at(-1)!.params.oldest).toBe(start.ts);
  });

  it('still reads the backlog when a newer live event arrives before catch-up ran', async () => {
    const ingress = new TestIngress();
    const store = new MemoryPluginStore();
    const config = { channel_ids: [CHANNEL, 'C0SECOND'] };
    const first = await slackHarness({ ingress, store, config, fake: { channels: [CHANNEL, 'C0SECOND'] } });
    const { fake } = first;
    await first.transport.stop();
    const missed = fake.say({
      user: ALICE,
      channel: 'C0SECOND',
      text: fake.mention('only in history'),
      deliver: false,
    });
    // raised while no socket is open: delivered the moment the next connection says hello,
    // while catch-up still waits out a rate limit on the first channel
    fake.say({ user: ALICE, channel: 'C0SECOND', text: fake.mention('queued live') });
    fake.fault('conversations.history', { status: 429, retryAfterS: 1 });
    await slackHarness({ server: fake, ingress, store, config });
    expect(ingress.texts().sort()).toEqual(['only in history', 'queued live']);
    expect(ingress.events.find((e) => e.text === 'only in history')!.dedupeKey).toBe(`C0SECOND:${missed.ts}`);
  });

  it('catches up after a Socket Mode outage what Slack gave up delivering meanwhile', async () => {
    const { fake, ingress } = await slackHarness();
    const start = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('before') });
    await expect.poll(() => ingress.texts()).toEqual(['before']);
    fake.fault('apps.connections.open', { error: 'internal_error', times: 1 });
    fake.hardDrop();
    fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('lost in the outage'), deliver: false });
    fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: 'thread reply lost too',
      thread_ts: start.ts,
      deliver: false,
    });
    await expect
      .poll(() => ingress.texts(), { timeout: 5000 })
      .toEqual(['before', 'lost in the outage', 'thread reply lost too']);
  });

  it('catches up DMs it has talked in', async () => {
    const ingress = new TestIngress();
    const store = new MemoryPluginStore();
    const first = await slackHarness({ ingress, store });
    const { fake } = first;
    const dm = fake.dm(ALICE);
    fake.say({ user: ALICE, channel: dm, text: 'hello' });
    await expect.poll(() => ingress.texts()).toEqual(['hello']);
    await first.transport.stop();
    fake.say({ user: ALICE, channel: dm, text: 'are you back?', deliver: false });
    await slackHarness({ server: fake, ingress, store });
    expect(ingress.texts()).toEqual(['hello', 'are you back?']);
  });
});
