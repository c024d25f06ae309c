import { describe, expect, it } from 'vitest';
import { telegramConfig, telegramServer } from './fakes/telegram-fixture.js';
import { instanceDir, startDaemon } from './support/daemon.js';

const ADA = 4242;
const INTERVAL_MS = 10;
/** The server stamps arrival after reading the body; allow for its own scheduling. */
const SLACK_MS = 2;
const CHAT_METHODS = new Set(['sendmessage', 'editmessagetext', 'deletemessage', 'senddocument']);

describe('telegram: a burst in one chat', () => {
  it('30 messages, with 429s and 5xx injected: every one answered exactly once, within the chat pacing', async () => {
    const tg = await telegramServer();
    const { config } = instanceDir(
      telegramConfig(tg, { allowedUserIds: [ADA], privateIntervalMs: INTERVAL_MS, delayMs: 5 }),
    );
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');

    tg.fail('sendMessage', 429, { retryAfter: 1 });
    tg.fail('editMessageText', 429, { retryAfter: 1 });
    tg.fail('sendMessage', 500, { times: 2 });
    tg.fail('editMessageText', 502, { times: 2 });
    tg.fail('getUpdates', 502);
    const started = Date.now();
    const sent = Array.from({ length: 30 }, (_, i) => tg.userSends(ADA, ADA, `burst message ${i + 1}`));
    const answers = (id: number) => tg.repliesTo(ADA, id).filter((m) => m.text.includes('— demo'));
    await tg.waitFor(() => sent.every((m) => answers(m.message_id).length > 0), 45_000, 'all 30 answers');
    const elapsed = Date.now() - started;

    for (const [i, m] of sent.entries()) {
      const [answer, ...more] = answers(m.message_id);
      expect(more, `message ${i + 1} answered twice`).toEqual([]);
      expect(answer!.text).toContain(`You said: "burst message ${i + 1}"`);
    }
    expect(tg.faults).toEqual([]); // every injected fault was met, and survived

    const inChat = tg.requests.filter(
      (r) => CHAT_METHODS.has(r.method.toLowerCase()) && Number(r.params.chat_id) === ADA && r.at >= started,
    );
    const gaps = inChat.slice(1).map((r, i) => r.at - inChat[i]!.at);
    const tooClose = gaps.filter((g) => g < INTERVAL_MS - SLACK_MS);
    console.log(
      `burst: ${elapsed} ms for 30 runs, ${inChat.length} chat requests, min gap ${Math.min(...gaps)} ms, median ${gaps.sort((a, b) => a - b)[gaps.length >> 1]} ms`,
    );
    expect(tooClose).toEqual([]);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
