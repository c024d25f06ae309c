import { describe, expect, it } from 'vitest';
import { telegramServer } from './fakes/telegram-fixture.js';
import type { TelegramServer } from './fakes/telegram-server.js';

/*
 * The fake Telegram's own semantics (PLATFORMS.md), over real HTTP: if these drift from
 * Telegram, the transport's tests prove nothing.
 */

// biome-ignore lint/suspicious/noExplicitAny: raw Bot API JSON, pinned down by the assertions
type Json = any;
type Reply = { ok: boolean; result?: Json; error_code?: number; description?: string; parameters?: Json };

function client(tg: TelegramServer, token = tg.token) {
  const url = (method: string) => `${tg.url}/bot${token}/${method}`;
  return {
    json: async (
      method: string,
      params: Record<string, unknown> = {},
    ): Promise<Reply & { status: number }> => {
      const res = await fetch(url(method), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params),
      });
      return { status: res.status, ...((await res.json()) as Reply) };
    },
    form: async (method: string, params: Record<string, string>): Promise<Reply & { status: number }> => {
      const res = await fetch(url(method), { method: 'POST', body: new URLSearchParams(params) });
      return { status: res.status, ...((await res.json()) as Reply) };
    },
    query: async (method: string, params: Record<string, string>): Promise<Reply & { status: number }> => {
      const res = await fetch(`${url(method)}?${new URLSearchParams(params)}`);
      return { status: res.status, ...((await res.json()) as Reply) };
    },
    multipart: async (method: string, form: FormData): Promise<Reply & { status: number }> => {
      const res = await fetch(url(method), { method: 'POST', body: form });
      return { status: res.status, ...((await res.json()) as Reply) };
    },
  };
}

describe('fake Telegram: getUpdates', () => {
  it('delivers unconfirmed updates again until an offset confirms them', async () => {
    const tg = await telegramServer({ firstUpdateId: 5000 });
    const api = client(tg);
    tg.userSends(1, 1, 'a');
    tg.userSends(1, 1, 'b');
    const first = await api.json('getUpdates');
    expect(first.result.map((u: Json) => u.message.text)).toEqual(['a', 'b']);
    expect(first.result[0].update_id).toBe(5000);
    const again = await api.json('getUpdates');
    expect(again.result).toHaveLength(2);
    const confirmed = await api.json('getUpdates', { offset: 5001 });
    expect(confirmed.result.map((u: Json) => u.message.text)).toEqual(['b']);
    await api.json('getUpdates', { offset: 5002 });
    expect(tg.pendingUpdates).toBe(0);
  });

  it('keeps only the last N with a negative offset, and respects limit', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    for (const t of ['a', 'b', 'c', 'd']) tg.userSends(1, 1, t);
    expect((await api.json('getUpdates', { limit: 1 })).result).toHaveLength(1);
    const last = await api.json('getUpdates', { offset: -2 });
    expect(last.result.map((u: Json) => u.message.text)).toEqual(['c', 'd']);
  });

  it('long-polls: returns as soon as an update arrives, or empty at the timeout', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    const started = Date.now();
    const empty = await api.json('getUpdates', { timeout: 1 });
    expect(empty.result).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const waiting = api.json('getUpdates', { timeout: 10 });
    setTimeout(() => tg.userSends(1, 1, 'now'), 50);
    const t0 = Date.now();
    expect((await waiting).result[0].message.text).toBe('now');
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('answers 409 to the waiting poller when a second one polls', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    const first = api.json('getUpdates', { timeout: 5 });
    await tg.waitFor(() => tg.polling, 2000, 'a waiting poll');
    const second = api.json('getUpdates', { timeout: 0 });
    const [a, b] = await Promise.all([first, second]);
    expect(a.status).toBe(409);
    expect(a.description).toMatch(/terminated by other getUpdates request/);
    expect(b.ok).toBe(true);
  });

  it('refuses to poll while a webhook is set; deleteWebhook keeps or drops pending updates as asked', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    tg.setWebhook('https://example.invalid/hook');
    tg.userSends(1, 1, 'kept');
    expect((await api.json('getUpdates')).status).toBe(409);
    await api.json('deleteWebhook', { drop_pending_updates: false });
    expect((await api.json('getUpdates')).result).toHaveLength(1);
    await api.json('deleteWebhook', { drop_pending_updates: true });
    expect((await api.json('getUpdates')).result).toHaveLength(0);
    expect(tg.droppedPending).toBe(1);
  });
});

describe('fake Telegram: requests and errors', () => {
  it('takes JSON, urlencoded, GET query and multipart, with method names in any case', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    tg.userSends(7, 7, 'hi');
    expect((await api.form('SENDMESSAGE', { chat_id: '7', text: 'form' })).ok).toBe(true);
    expect((await api.query('sendmessage', { chat_id: '7', text: 'query' })).ok).toBe(true);
    const form = new FormData();
    form.set('chat_id', '7');
    form.set('caption', 'a file');
    form.set('document', new Blob(['file body']), 'notes.txt');
    const doc = await api.multipart('sendDocument', form);
    expect(doc.result.document.file_name).toBe('notes.txt');
    expect(tg.botMessages(7).map((m) => m.text)).toEqual(['form', 'query', 'a file']);
  });

  it('answers 401 for a wrong token and 404 for an unknown method', async () => {
    const tg = await telegramServer();
    expect((await client(tg, '1:wrong').json('getMe')).status).toBe(401);
    const unknown = await client(tg).json('sendTelepathy');
    expect(unknown).toMatchObject({ status: 404, ok: false, error_code: 404 });
  });

  it('injects 429 with retry_after and 5xx, then behaves again', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    tg.userSends(7, 7, 'hi');
    tg.fail('sendMessage', 429, { retryAfter: 3 });
    tg.fail('sendMessage', 502);
    const flood = await api.json('sendMessage', { chat_id: 7, text: 'x' });
    expect(flood).toMatchObject({ status: 429, parameters: { retry_after: 3 } });
    expect(flood.description).toMatch(/Too Many Requests: retry after 3/);
    expect((await api.json('sendMessage', { chat_id: 7, text: 'x' })).status).toBe(502);
    expect((await api.json('sendMessage', { chat_id: 7, text: 'x' })).ok).toBe(true);
    expect(tg.botMessages(7)).toHaveLength(1);
    expect(tg.calls('sendMessage').map((c) => c.status)).toEqual([429, 502, 200]);
  });

  it('parses HTML like Telegram and refuses what Telegram refuses', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    tg.userSends(7, 7, 'hi');
    const ok = await api.json('sendMessage', {
      chat_id: 7,
      text: '<b>bold</b> &lt;x&gt; <pre><code class="language-ts">a &amp;&amp; b</code></pre>',
      parse_mode: 'HTML',
    });
    expect(ok.result.text).toBe('bold <x> a && b');
    expect(ok.result.entities).toEqual([
      { type: 'bold', offset: 0, length: 4 },
      { type: 'pre', offset: 9, length: 6, language: 'ts' },
    ]);
    for (const bad of ['<div>x</div>', 'a < b', '<b>open', '<b><i>x</b></i>', 'Tom & Jerry']) {
      const r = await api.json('sendMessage', { chat_id: 7, text: bad, parse_mode: 'HTML' });
      expect(r.description, bad).toMatch(/^Bad Request: can't parse entities/);
    }
    expect((await api.json('sendMessage', { chat_id: 7, text: 'x'.repeat(4097) })).description).toBe(
      'Bad Request: message is too long',
    );
    // the limit counts text after parsing, in UTF-16 units
    expect(
      (await api.json('sendMessage', { chat_id: 7, text: `<b>${'😀'.repeat(2048)}</b>`, parse_mode: 'HTML' }))
        .ok,
    ).toBe(true);
    expect((await api.json('sendMessage', { chat_id: 7, text: ' ' })).description).toBe(
      'Bad Request: message text is empty',
    );
    expect((await api.json('sendMessage', { chat_id: 999, text: 'x' })).description).toBe(
      'Bad Request: chat not found',
    );
  });

  it('edits with history, "not modified" for the same content, and refuses what cannot be edited', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    const user = tg.userSends(7, 7, 'hi');
    const keyboard = { inline_keyboard: [[{ text: 'Cancel', callback_data: 'cancel:1' }]] };
    const sent = await api.json('sendMessage', { chat_id: 7, text: 'one', reply_markup: keyboard });
    const id = sent.result.message_id;
    expect(
      (await api.json('editMessageText', { chat_id: 7, message_id: id, text: 'two', reply_markup: keyboard }))
        .ok,
    ).toBe(true);
    const same = await api.json('editMessageText', {
      chat_id: 7,
      message_id: id,
      text: 'two',
      reply_markup: keyboard,
    });
    expect(same.description).toMatch(/^Bad Request: message is not modified/);
    // omitting reply_markup removes the keyboard, which is a change
    expect((await api.json('editMessageText', { chat_id: 7, message_id: id, text: 'two' })).ok).toBe(true);
    expect(tg.message(7, id)!.markup).toBeUndefined();
    expect(tg.message(7, id)!.edits.map((e) => e.text)).toEqual(['two', 'two']);
    expect((await api.json('editMessageText', { chat_id: 7, message_id: 999, text: 'x' })).description).toBe(
      'Bad Request: message to edit not found',
    );
    expect(
      (await api.json('editMessageText', { chat_id: 7, message_id: user.message_id, text: 'x' })).description,
    ).toBe("Bad Request: message can't be edited");
    expect((await api.json('deleteMessage', { chat_id: 7, message_id: id })).ok).toBe(true);
    expect((await api.json('deleteMessage', { chat_id: 7, message_id: id })).description).toBe(
      'Bad Request: message to delete not found',
    );
  });

  it('validates callback data and command menus', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    tg.userSends(7, 7, 'hi');
    const long = { inline_keyboard: [[{ text: 'x', callback_data: 'd'.repeat(65) }]] };
    expect((await api.json('sendMessage', { chat_id: 7, text: 'x', reply_markup: long })).description).toBe(
      'Bad Request: BUTTON_DATA_INVALID',
    );
    const bad = await api.json('setMyCommands', { commands: [{ command: 'Bad-Name', description: 'x' }] });
    expect(bad.description).toBe('Bad Request: BOT_COMMAND_INVALID');
    await api.json('setMyCommands', { commands: [{ command: 'cancel', description: 'stop the run' }] });
    expect(tg.commands()).toEqual([{ command: 'cancel', description: 'stop the run' }]);
  });
});

describe('fake Telegram: users, buttons, topics, files', () => {
  it('button presses become callback queries that can be answered once, while young', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    tg.userSends(7, 7, 'hi');
    const sent = await api.json('sendMessage', {
      chat_id: 7,
      text: 'working',
      reply_markup: { inline_keyboard: [[{ text: 'Cancel', callback_data: 'cancel:1' }]] },
    });
    const id = tg.pressButton(7, sent.result.message_id, 7, 'Cancel');
    const updates = await api.json('getUpdates');
    expect(updates.result.at(-1).callback_query).toMatchObject({
      id,
      data: 'cancel:1',
      message: { text: 'working' },
    });
    expect((await api.json('answerCallbackQuery', { callback_query_id: id })).ok).toBe(true);
    expect((await api.json('answerCallbackQuery', { callback_query_id: id })).description).toMatch(
      /query is too old/,
    );
    tg.callbackTtlMs = 0;
    const late = tg.pressButton(7, sent.result.message_id, 7, 'cancel:1');
    await new Promise((r) => setTimeout(r, 5));
    expect((await api.json('answerCallbackQuery', { callback_query_id: late })).description).toMatch(
      /query is too old/,
    );
    expect(tg.callbackQuery(id)!.answered).toBeDefined();
  });

  it('forum topics: thread ids, the topic-creation "reply" quirk, and unknown threads', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    const topic = tg.createTopic(-100, 'build');
    tg.userSends(-100, 7, 'in topic', { threadId: topic });
    const [u] = (await api.json('getUpdates')).result;
    expect(u.message).toMatchObject({ message_thread_id: topic, is_topic_message: true });
    expect(u.message.reply_to_message.forum_topic_created).toEqual({
      name: 'build',
      icon_color: expect.any(Number),
    });
    expect((await api.json('sendMessage', { chat_id: -100, message_thread_id: topic, text: 'ok' })).ok).toBe(
      true,
    );
    expect(
      (await api.json('sendMessage', { chat_id: -100, message_thread_id: 99, text: 'x' })).description,
    ).toBe('Bad Request: message thread not found');
  });

  it('files: getFile gives a path that downloads the bytes a user sent', async () => {
    const tg = await telegramServer();
    const api = client(tg);
    const msg = tg.userSendsFile(7, 7, { name: 'report.csv', content: 'a,b\n1,2\n', caption: 'look' });
    const file = await api.json('getFile', { file_id: msg.document!.file_id });
    const body = await fetch(`${tg.url}/file/bot${tg.token}/${file.result.file_path}`);
    expect(await body.text()).toBe('a,b\n1,2\n');
    expect((await fetch(`${tg.url}/file/bot1:wrong/${file.result.file_path}`)).status).toBe(404);
    expect((await api.json('getFile', { file_id: 'nope' })).description).toBe('Bad Request: invalid file_id');
  });
});
