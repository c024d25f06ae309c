import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLOCK, PLUGIN_CONFIG, PLUGIN_CONTEXT, SystemClock, TRANSPORT, type Transport } from '@ferry/core';
import { createTestPluginContext } from '@ferry/core/testing';
import { container } from 'tsyringe';
import { describe, expect, it } from 'vitest';
import { recordingIngress, telegramHarness } from './__fixtures__/telegram-harness.js';
import telegramPlugin from './plugin.js';
import { TelegramTransport } from './telegram-transport.js';

const ADMIN_GROUP = -100500;
const ALLOWED = 11;
const STRANGER = 66;

describe('TelegramTransport: receiving', () => {
  it('accepts the main chat, allowed users in private and project chats; ignores the rest but confirms it', async () => {
    const h = await telegramHarness({
      config: { chat_id: ADMIN_GROUP, allowed_user_ids: [ALLOWED] },
      projectChats: [
        { transport: 'telegram', chat: '-300' },
        { transport: 'telegram', chat: '-400', thread: '5' },
      ],
    });
    const { tg } = h;
    const rec = recordingIngress();
    tg.userSends(ADMIN_GROUP, STRANGER, 'anyone in the main chat');
    tg.userSends(ALLOWED, ALLOWED, 'allowed user, private');
    tg.userSends(STRANGER, STRANGER, 'stranger, private');
    tg.userSends(-200, ALLOWED, 'allowed user, but an unknown group');
    tg.userSends(-300, STRANGER, 'project chat');
    const topic = tg.createTopic(-400, 'other');
    tg.userSends(-400, STRANGER, 'project topic? no, another topic', { threadId: topic });
    await h.transport.start(rec.ingress);
    await tg.waitFor(() => tg.pendingUpdates === 0, 5000, 'every update confirmed');
    expect(rec.accepted.map((e) => e.text)).toEqual([
      'anyone in the main chat',
      'allowed user, private',
      'project chat',
    ]);
    expect(rec.cursors.get(h.transport.cursorKey)).toBe(String(700_000_006));
    expect(h.transport.cursorKey).toBe(`telegram:${tg.bot.id}:offset`);
    const ignored = h.log.at('debug').filter((l) => /may not talk to Ferry/.test(l.msg));
    expect(ignored.map((l) => l.obj.chat)).toEqual([String(STRANGER), '-200', '-400']);
  });

  it('maps messages: sender, date, topics as sessions, replies with their text, files', async () => {
    const h = await telegramHarness({ config: { chat_id: ADMIN_GROUP } });
    const { tg } = h;
    const rec = recordingIngress();
    await h.transport.start(rec.ingress);
    const topic = tg.createTopic(ADMIN_GROUP, 'frontend');
    const date = Math.floor(Date.now() / 1000) - 120;
    const first = tg.userSends(ADMIN_GROUP, tg.user(5, 'Ada', 'ada'), 'in the topic', {
      threadId: topic,
      date,
    });
    const answer = tg.userSends(ADMIN_GROUP, 5, 'old answer\ndemo --resume abc');
    tg.userSends(ADMIN_GROUP, 5, 'go on', { replyTo: answer.message_id });
    tg.userSendsFile(ADMIN_GROUP, 5, {
      name: 'data.csv',
      content: 'x,y',
      mimeType: 'text/csv',
      caption: 'look at this',
    });
    tg.userSendsFile(ADMIN_GROUP, 5, { name: 'pic.jpg', content: 'jpeg', asPhoto: true });
    tg.userSends(ADMIN_GROUP, 5, '/help@some_other_bot');
    await tg.waitFor(() => tg.pendingUpdates === 0 && rec.accepted.length === 5, 5000);
    const [inTopic, , reply, doc, photo] = rec.accepted;
    expect(inTopic).toMatchObject({
      transport: 'telegram',
      kind: 'message',
      chat: { transport: 'telegram', chat: String(ADMIN_GROUP), thread: String(topic) },
      sender: { id: '5', name: 'Ada' },
      messageRef: { id: String(first.message_id) },
      sentAt: date * 1000,
    });
    // the topic's creation message is not a reply in any useful sense
    expect(inTopic!.replyTo).toBeUndefined();
    expect(Number(inTopic!.dedupeKey)).toBeGreaterThanOrEqual(700_000_000);
    expect(reply).toMatchObject({
      chat: { chat: String(ADMIN_GROUP) },
      replyTo: { id: String(answer.message_id) },
      replyToText: 'old answer\ndemo --resume abc',
    });
    expect(reply!.chat.thread).toBeUndefined();
    expect(doc).toMatchObject({
      text: 'look at this',
      attachments: [{ name: 'data.csv', size: 3, mimeType: 'text/csv' }],
    });
    expect(photo).toMatchObject({
      text: '',
      attachments: [{ name: expect.stringMatching(/^photo_\d+\.jpg$/), mimeType: 'image/jpeg' }],
    });

    const dest = join(mkdtempSync(join(tmpdir(), 'ferry-tg-')), 'data.csv');
    await h.transport.download(doc!.attachments![0]!, dest);
    expect(readFileSync(dest, 'utf8')).toBe('x,y');
  });

  it('button presses become callbacks with the button data, and are always answered', async () => {
    const h = await telegramHarness({ config: { chat_id: ADMIN_GROUP } });
    const { tg } = h;
    const rec = recordingIngress();
    await h.transport.start(rec.ingress);
    tg.group(ADMIN_GROUP);
    tg.privateChat(STRANGER);
    const chat = { transport: 'telegram', chat: String(ADMIN_GROUP) };
    const ref = await h.transport.send(chat, {
      text: 'working',
      buttons: [[{ text: 'Cancel', data: 'cancel:9' }]],
    });
    const other = await h.transport.send(
      { transport: 'telegram', chat: String(STRANGER) },
      {
        text: 'x',
        buttons: [[{ text: 'Cancel', data: 'cancel:10' }]],
      },
    );
    const q = tg.pressButton(ADMIN_GROUP, Number(ref.id), STRANGER, 'Cancel');
    const ignored = tg.pressButton(STRANGER, Number(other.id), STRANGER, 'Cancel');
    await tg.waitFor(
      () => !!tg.callbackQuery(q)?.answered && !!tg.callbackQuery(ignored)?.answered,
      5000,
      'answers',
    );
    expect(rec.accepted).toHaveLength(1);
    expect(rec.accepted[0]).toMatchObject({
      kind: 'callback',
      text: 'cancel:9',
      chat,
      messageRef: { chat, id: ref.id },
    });
  });

  it('only allowed users can answer an approval in a group: anyone else gets a toast and nothing is journaled', async () => {
    const h = await telegramHarness({ config: { chat_id: ADMIN_GROUP, allowed_user_ids: [ALLOWED] } });
    const { tg } = h;
    const rec = recordingIngress();
    await h.transport.start(rec.ingress);
    tg.group(ADMIN_GROUP);
    const chat = { transport: 'telegram', chat: String(ADMIN_GROUP) };
    const ref = await h.transport.send(chat, {
      text: '🔐 claude wants to run Bash: $ touch x.txt',
      buttons: [[{ text: 'Allow', data: 'approve:1:1:allow' }], [{ text: 'Cancel', data: 'cancel:1' }]],
    });
    const stranger = tg.pressButton(ADMIN_GROUP, Number(ref.id), STRANGER, 'Allow');
    // other buttons stay open to everyone who may talk in the main chat (DESIGN §10)
    const cancel = tg.pressButton(ADMIN_GROUP, Number(ref.id), STRANGER, 'Cancel');
    const allowed = tg.pressButton(ADMIN_GROUP, Number(ref.id), ALLOWED, 'Allow');
    await tg.waitFor(
      () => [stranger, cancel, allowed].every((q) => !!tg.callbackQuery(q)?.answered),
      5000,
      'answers',
    );
    expect(tg.callbackQuery(stranger)!.answered!.text).toBe('⛔ Only allowed users can answer this request.');
    expect(tg.callbackQuery(allowed)!.answered!.text).toBeUndefined();
    expect(rec.accepted.map((e) => [e.sender.id, e.text])).toEqual([
      [String(STRANGER), 'cancel:1'],
      [String(ALLOWED), 'approve:1:1:allow'],
    ]);
  });

  it('publishes the command menu, leaving out names Telegram refuses', async () => {
    const h = await telegramHarness();
    await h.transport.setCommands([
      { name: 'cancel', description: 'Cancel the running run' },
      { name: 'Bad-Name', description: 'x' },
      { name: 'status', description: '' },
    ]);
    await h.transport.commandsPublished;
    expect(h.tg.commands()).toEqual([
      { command: 'cancel', description: 'Cancel the running run' },
      { command: 'status', description: 'status' },
    ]);
    expect(h.log.at('warn')[0]!.obj.skipped).toEqual(['Bad-Name']);
  });

  it('start fails with FERRY_TELEGRAM_UNAUTHORIZED for a wrong token; an unreachable Telegram does not block start', async () => {
    const h = await telegramHarness({ config: { bot_token: '42:not-the-token' } });
    await expect(h.transport.start(recordingIngress().ingress)).rejects.toMatchObject({
      code: 'FERRY_TELEGRAM_UNAUTHORIZED',
    });

    const down = await telegramHarness({ config: { api_root: 'http://127.0.0.1:9', retry_base_ms: 50 } });
    await down.transport.start(recordingIngress().ingress);
    expect(down.log.at('warn').map((l) => l.msg)).toContain('telegram: cannot reach Telegram; retrying');
  });
});

describe('telegram plugin', () => {
  it('validates its config strictly and registers the transport with explicit tokens', async () => {
    const schema = telegramPlugin.configSchema!;
    const parsed = schema.parse({
      bot_token: '1:abc',
      chat_id: '-100123',
      allowed_user_ids: [5, '6'],
      api_root: 'http://x/',
    });
    expect(parsed).toMatchObject({
      chat_id: '-100123',
      allowed_user_ids: ['5', '6'],
      api_root: 'http://x',
      poll_timeout_s: 25,
    });
    expect(schema.safeParse({ bot_token: '1:abc', chat: 5 }).success).toBe(false);
    expect(schema.safeParse({}).success).toBe(false);

    const parent = container.createChildContainer();
    parent.register(PLUGIN_CONFIG, { useValue: parsed });
    parent.register(CLOCK, { useValue: new SystemClock() });
    parent.register(PLUGIN_CONTEXT, {
      useValue: createTestPluginContext({ id: 'telegram', kind: 'transport' }),
    });
    const child = parent.createChildContainer();
    await telegramPlugin.register(child, parsed);
    const transport = child.resolve<Transport>(TRANSPORT);
    expect(transport).toBeInstanceOf(TelegramTransport);
    expect(transport.capabilities).toEqual({
      edit: true,
      delete: true,
      buttons: true,
      maxTextLength: 4096,
      minEditIntervalMs: 1000,
    });
    expect(transport.presenter).toBeDefined();
  });

  it('tells hot config keys from those that need a restart', async () => {
    const h = await telegramHarness();
    expect(
      h.transport.onConfigChange({ keys: ['transports.telegram.allowed_user_ids'], previous: {}, next: {} }),
    ).toBe('hot');
    expect(
      h.transport.onConfigChange({ keys: ['transports.telegram.bot_token'], previous: {}, next: {} }),
    ).toBe('restart');
    await h.transport.applyConfig({ ...h.config, private_interval_ms: 5, bot_token: '9:other' });
    expect(h.transport.capabilities.minEditIntervalMs).toBe(5);
    expect(h.transport.cursorKey).toBe(`telegram:${h.tg.bot.id}:offset`);
  });
});

describe('TelegramTransport: operations', () => {
  it('names the main chat as its admin chat, and checks its token with getMe for ferry doctor', async () => {
    const h = await telegramHarness({ config: { chat_id: ADMIN_GROUP } });
    expect(h.transport.adminChats()).toEqual([{ transport: 'telegram', chat: String(ADMIN_GROUP) }]);
    const good = await h.transport.check();
    expect(good.ok).toBe(true);
    expect(good.detail).toContain(h.tg.url);

    const wrong = await telegramHarness({ tg: h.tg, config: { bot_token: '999:wrong-token' } });
    const bad = await wrong.transport.check();
    expect(bad.ok).toBe(false);
    expect(bad.detail).toMatch(/getMe failed/);
    expect(wrong.transport.adminChats()).toEqual([]);
  });
});
