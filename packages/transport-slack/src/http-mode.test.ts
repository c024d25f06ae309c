import { describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, slackHarness } from './__fixtures__/slack-harness.js';

async function httpHarness(fake: { httpRetryDelayMs?: number } = {}) {
  const h = await slackHarness({
    config: { mode: 'http', http: { host: '127.0.0.1', port: 0, path: '/slack/events' } },
    fake,
  });
  const url = `http://127.0.0.1:${h.transport.address!.port}/slack/events`;
  h.fake.deliverOverHttp(url);
  return { ...h, url };
}

const mentionEvent = (text: string) => ({
  type: 'events_api' as const,
  payload: {
    type: 'event_callback',
    team_id: 'T0FAKE',
    event_id: 'Ev0FORGED',
    event: {
      type: 'app_mention',
      channel: CHANNEL,
      user: ALICE,
      text: `<@U0BOT> ${text}`,
      ts: '1700000000.000100',
    },
  },
});

describe('SlackTransport in HTTP mode', () => {
  it('answers 401 to a bad signature, a stale timestamp or none, and runs nothing', async () => {
    const { fake, ingress, url } = await httpHarness();
    const before = ingress.calls;
    expect((await fake.sendSigned(mentionEvent('forged'), { secret: 'not-the-secret' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await fake.sendSigned(mentionEvent('replayed'), { timestampSec: stale })).status).toBe(401);
    const unsigned = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(mentionEvent('x').payload),
    });
    expect(unsigned.status).toBe(401);
    expect(ingress.calls).toBe(before);
    expect((await fake.sendSigned(mentionEvent('genuine'))).status).toBe(200);
    expect(ingress.texts()).toEqual(['genuine']);
  });

  it('echoes the url_verification challenge', async () => {
    const { fake } = await httpHarness();
    const r = await fake.sendSigned({
      type: 'events_api',
      payload: { type: 'url_verification', challenge: 'c-123', token: 't' },
    });
    expect(r).toEqual({ status: 200, text: JSON.stringify({ challenge: 'c-123' }) });
  });

  it('answers 200 only after journaling, and 500 when journaling fails so Slack retries', async () => {
    const { fake, ingress } = await httpHarness({ httpRetryDelayMs: 20 });
    ingress.hold();
    const m = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('over http') });
    await expect.poll(() => ingress.calls).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.envelopes.some((e) => e.acked)).toBe(false);
    ingress.failNext = 1;
    ingress.release();
    await fake.waitFor(
      () => fake.envelopes.length === 2 && fake.envelopes.every((e) => e.acked),
      5000,
      'the 200s',
    );
    expect(fake.envelopes.map((e) => e.deliveries).sort()).toEqual([1, 2]);
    expect(ingress.events.map((e) => e.dedupeKey)).toEqual([`${CHANNEL}:${m.ts}`]);
  });

  it('takes slash commands and button clicks as form posts', async () => {
    const { fake, ingress, transport } = await httpHarness();
    fake.slash({ user: ALICE, channel: CHANNEL, text: 'status' });
    await expect.poll(() => ingress.texts()).toEqual(['/status']);
    const ref = await transport.send(
      { transport: 'slack', chat: CHANNEL },
      { text: 'x', buttons: [[{ text: 'Cancel', data: 'cancel:1' }]] },
    );
    fake.click({ user: ALICE, channel: CHANNEL, ts: ref.id });
    await expect.poll(() => ingress.texts()).toEqual(['/status', 'cancel:1']);
  });
});
