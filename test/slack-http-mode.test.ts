import { describe, expect, it } from 'vitest';
import { ALICE, answers, CHANNEL, fakeSlack, pause, slackConfig, waitForAnswers } from './fakes/slack-e2e.js';
import { instanceDir, startDaemon } from './support/daemon.js';

describe('Slack (HTTP mode) through the real daemon', () => {
  it('rejects a bad signature with 401 and runs nothing, and answers signed events', async () => {
    const fake = await fakeSlack();
    const http = 'mode = "http"\nhttp = { host = "127.0.0.1", port = 0, path = "/slack/events" }';
    const { config } = instanceDir(slackConfig(fake, http));
    const daemon = startDaemon(config);
    const listening = await daemon.waitForLog('slack: listening for events (HTTP mode)');
    await daemon.waitForLog('ferry is ready');
    fake.deliverOverHttp(`http://127.0.0.1:${listening.port}/slack/events`);

    const forged = {
      type: 'events_api' as const,
      payload: {
        type: 'event_callback',
        team_id: 'T0FAKE',
        event_id: 'Ev0FORGED',
        event: {
          type: 'app_mention',
          channel: CHANNEL,
          user: ALICE,
          text: fake.mention('rm -rf /'),
          ts: '1700000000.000100',
        },
      },
    };
    expect((await fake.sendSigned(forged, { secret: 'guessed-secret' })).status).toBe(401);
    expect(
      (await fake.sendSigned(forged, { timestampSec: Math.floor(Date.now() / 1000) - 600 })).status,
    ).toBe(401);
    await pause(300);
    expect(fake.botMessages()).toEqual([]);

    const m = fake.say({ user: ALICE, channel: CHANNEL, text: fake.mention('over http') });
    await waitForAnswers(fake, m.ts);
    expect(answers(fake, m.ts)[0]!.text).toMatch(/You said: "over http"/);
    expect(fake.envelopesFor(m.ts).every((e) => e.acked && e.deliveries === 1)).toBe(true);
    expect(fake.botMessages().filter((b) => b.thread_ts === '1700000000.000100')).toEqual([]);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });
});
