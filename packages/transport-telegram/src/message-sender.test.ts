import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatAddress } from '@ferry/core';
import { ManualClock } from '@ferry/core/testing';
import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../../test/fakes/telegram-server.js';
import { telegramHarness } from './__fixtures__/telegram-harness.js';

const USER = 7;
const GROUP = -1001;
const dm: ChatAddress = { transport: 'telegram', chat: String(USER) };
const group: ChatAddress = { transport: 'telegram', chat: String(GROUP) };

/** Milliseconds between consecutive requests (as the server saw them). */
const gaps = (calls: RecordedRequest[]) => calls.slice(1).map((c, i) => c.at - calls[i]!.at);
const MESSAGE_METHODS = ['sendmessage', 'editmessagetext', 'deletemessage', 'senddocument'];

describe('sending to Telegram', () => {
  it('renders Markdown as Telegram HTML, replying to the user, with buttons as an inline keyboard', async () => {
    const { tg, transport } = await telegramHarness();
    const question = tg.userSends(USER, USER, 'question');
    const ref = await transport.send(dm, {
      text: 'The **answer** is `42 < 43`',
      replyTo: { chat: dm, id: String(question.message_id) },
      buttons: [[{ text: 'Cancel', data: 'cancel:1' }]],
      silent: true,
    });
    const sent = tg.message(USER, Number(ref.id))!;
    expect(sent).toMatchObject({
      text: 'The answer is 42 < 43',
      parseMode: 'HTML',
      replyToId: question.message_id,
      silent: true,
    });
    expect(sent.entities.map((e) => e.type)).toEqual(['bold', 'code']);
    expect(sent.markup).toEqual([[{ text: 'Cancel', callback_data: 'cancel:1' }]]);
    // an edit without buttons removes the keyboard
    await transport.edit(ref, { text: 'done' });
    expect(tg.message(USER, Number(ref.id))).toMatchObject({ text: 'done', markup: undefined });
  });

  it('falls back to plain text when Telegram cannot parse the HTML: the answer is never lost', async () => {
    const { tg, transport, log } = await telegramHarness();
    tg.privateChat(USER);
    tg.fail('sendMessage', 400, {
      description: 'Bad Request: can\'t parse entities: Unsupported start tag "x" at byte offset 0',
      when: (p) => p.parse_mode === 'HTML',
    });
    const ref = await transport.send(dm, { text: 'still **here**' });
    expect(tg.message(USER, Number(ref.id))).toMatchObject({ text: 'still **here**', entities: [] });
    expect(tg.message(USER, Number(ref.id))!.parseMode).toBeUndefined();
    expect(log.at('warn').map((l) => l.msg)).toContain(
      'telegram: could not render as HTML; sending plain text',
    );
  });

  it('takes "message is not modified" as success, and skips edits that would change nothing', async () => {
    const { tg, transport } = await telegramHarness();
    tg.privateChat(USER);
    const ref = await transport.send(dm, { text: 'same' });
    await expect(transport.edit(ref, { text: 'same' })).resolves.toBeUndefined();
    expect(tg.calls('editMessageText').map((c) => c.status)).toEqual([400]);
    await transport.edit(ref, { text: 'new' });
    await transport.edit(ref, { text: 'new' });
    expect(tg.calls('editMessageText')).toHaveLength(2);
  });

  it('coalesces edits of one message while they wait: the latest text wins', async () => {
    const { tg, transport } = await telegramHarness({ config: { group_interval_ms: 150 } });
    tg.group(GROUP);
    const ref = await transport.send(group, { text: 'v0' });
    const edits = [1, 2, 3, 4, 5].map((n) => transport.edit(ref, { text: `v${n}` }));
    await Promise.all(edits);
    expect(tg.message(GROUP, Number(ref.id))!.edits.map((e) => e.text)).toEqual(['v5']);
  });

  it('orders a chat’s queue: sends, then deletes, then edits', async () => {
    const { tg, transport } = await telegramHarness({ config: { private_interval_ms: 100 } });
    tg.privateChat(USER);
    const a = await transport.send(dm, { text: 'a' });
    const b = await transport.send(dm, { text: 'b' });
    const busy = transport.send(dm, { text: 'c' });
    const later = [transport.edit(a, { text: 'a2' }), transport.delete(b), transport.send(dm, { text: 'd' })];
    await Promise.all([busy, ...later]);
    const order = tg.requests
      .filter((r) => MESSAGE_METHODS.includes(r.method.toLowerCase()))
      .map((r) => `${r.method}:${r.params.text ?? r.params.message_id}`);
    expect(order.slice(2)).toEqual([
      'sendMessage:c',
      'sendMessage:d',
      `deleteMessage:${b.id}`,
      'editMessageText:a2',
    ]);
  });

  it('paces each chat (private and group intervals) and the whole bot', async () => {
    const { tg, transport } = await telegramHarness({
      config: { private_interval_ms: 60, group_interval_ms: 150, global_interval_ms: 25 },
    });
    tg.privateChat(USER);
    tg.group(GROUP);
    // warm up: the very first request opens the connection, which would skew arrival times
    tg.privateChat(8);
    await transport.send({ transport: 'telegram', chat: '8' }, { text: 'warm' });
    await Promise.all([
      ...[1, 2, 3, 4, 5].map((n) => transport.send(dm, { text: `dm ${n}` })),
      ...[1, 2, 3].map((n) => transport.send(group, { text: `group ${n}` })),
    ]);
    const inChat = (chat: number) => tg.calls('sendMessage').filter((c) => Number(c.params.chat_id) === chat);
    // a chat's interval counts from the previous answer, so it holds on the server's side too
    for (const gap of gaps(inChat(USER))) expect(gap).toBeGreaterThanOrEqual(60);
    for (const gap of gaps(inChat(GROUP))) expect(gap).toBeGreaterThanOrEqual(150);
    // the bot-wide pace is a shared reservation, so a late timer can shorten one gap: check the rate
    const all = tg.calls('sendMessage').slice(1);
    expect(all.at(-1)!.at - all[0]!.at).toBeGreaterThanOrEqual((all.length - 1) * 25 - 10);
    expect(tg.botMessages(USER).map((m) => m.text)).toEqual(['dm 1', 'dm 2', 'dm 3', 'dm 4', 'dm 5']);
  });

  it('honours 429 retry_after on the injected clock, and retries 5xx with backoff', async () => {
    const clock = new ManualClock(Date.now());
    const { tg, transport } = await telegramHarness({ clock, config: { retry_base_ms: 500 } });
    tg.privateChat(USER);
    tg.fail('sendMessage', 429, { retryAfter: 3 });
    tg.fail('sendMessage', 500);
    const sending = transport.send(dm, { text: 'patience' });
    await expect.poll(() => clock.pending).toBe(1);
    await clock.advance(2999);
    expect(tg.calls('sendMessage')).toHaveLength(1);
    await clock.advance(1);
    await expect.poll(() => tg.calls('sendMessage').length).toBe(2);
    await expect.poll(() => clock.pending).toBe(1);
    await clock.advance(500);
    await sending;
    expect(tg.calls('sendMessage').map((c) => c.status)).toEqual([429, 500, 200]);
    expect(tg.botMessages(USER).map((m) => m.text)).toEqual(['patience']);
  });

  it('gives up after max_attempts with FERRY_TELEGRAM_UNREACHABLE; a refused request fails at once', async () => {
    const { tg, transport } = await telegramHarness({ config: { max_attempts: 3, retry_base_ms: 1 } });
    tg.privateChat(USER);
    tg.fail('sendMessage', 502, { times: 3 });
    await expect(transport.send(dm, { text: 'x' })).rejects.toMatchObject({
      code: 'FERRY_TELEGRAM_UNREACHABLE',
    });
    await expect(transport.edit({ chat: dm, id: '999' }, { text: 'x' })).rejects.toMatchObject({
      code: 'FERRY_TELEGRAM_REJECTED',
      description: 'Bad Request: message to edit not found',
    });
    await expect(
      transport.send({ transport: 'telegram', chat: 'general' }, { text: 'x' }),
    ).rejects.toMatchObject({
      code: 'FERRY_TELEGRAM_CHAT_ADDRESS',
    });
  });

  it('splits text beyond 4096 units into numbered parts and returns the first', async () => {
    const { tg, transport } = await telegramHarness();
    tg.privateChat(USER);
    const ref = await transport.send(dm, { text: 'word '.repeat(2000) });
    const sent = tg.botMessages(USER);
    expect(sent.length).toBe(3);
    expect(sent.map((m) => m.text.slice(0, 6))).toEqual(['(1/3)\n', '(2/3)\n', '(3/3)\n']);
    expect(ref.id).toBe(String(sent[0]!.message_id));
  });

  it('sends into forum topics, deletes idempotently, and uploads files as documents', async () => {
    const { tg, transport } = await telegramHarness();
    const topic = tg.createTopic(GROUP, 'build');
    const inTopic: ChatAddress = { ...group, thread: String(topic) };
    const ref = await transport.send(inTopic, { text: 'in the topic' });
    expect(tg.message(GROUP, Number(ref.id))!.threadId).toBe(topic);
    await transport.delete(ref);
    await transport.delete(ref);
    expect(tg.message(GROUP, Number(ref.id))!.deleted).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'ferry-tg-'));
    writeFileSync(join(dir, 'report.txt'), 'the report');
    const doc = await transport.sendFile(inTopic, join(dir, 'report.txt'), {
      caption: 'here it is',
      replyTo: ref,
    });
    const msg = tg.message(GROUP, Number(doc.id))!;
    expect(msg).toMatchObject({ text: 'here it is', threadId: topic });
    expect(msg.document).toMatchObject({ name: 'report.txt' });
    expect(msg.document!.content.toString()).toBe('the report');
  });

  it('stop lets queued messages go out first', async () => {
    const { tg, transport } = await telegramHarness({ config: { private_interval_ms: 50 } });
    tg.privateChat(USER);
    const sends = [1, 2, 3, 4].map((n) => transport.send(dm, { text: `m${n}` }));
    await transport.stop();
    await Promise.all(sends);
    expect(tg.botMessages(USER)).toHaveLength(4);
  });
});
