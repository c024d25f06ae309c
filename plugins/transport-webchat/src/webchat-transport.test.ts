import { MemoryPluginStore } from '@ferry/core/testing';
import { describe, expect, it } from 'vitest';
import { startTransport, TOKEN, testIngress } from './__fixtures__/harness.js';
import { openSse } from './__fixtures__/sse-client.js';

const settled = (p: Promise<unknown>) =>
  Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), 100))]);

describe('webchat inbound: journal before 200', () => {
  it('answers a POST only after the journal accepted it; a retry carries the same dedupe key', async () => {
    const journal = testIngress({ open: false });
    const h = await startTransport(journal.ingress);
    const msg = { kind: 'message', chat: 'c1', id: 'm1', text: 'hello', sentAt: h.clock.now() - 5000 };

    const pending = h.post(msg);
    await expect.poll(() => journal.waiting).toBe(1);
    expect(await settled(pending)).toBe(false);
    journal.release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, id: 'm1' });
    const chat = { transport: 'webchat', chat: 'c1' };
    expect(journal.accepted[0]).toEqual({
      transport: 'webchat',
      dedupeKey: 'c1:m1',
      kind: 'message',
      chat,
      sender: { id: 'webchat', name: 'webchat' },
      text: 'hello',
      messageRef: { chat, id: 'm1' },
      sentAt: h.clock.now() - 5000,
    });

    // the response was lost, the page sends it again: the host's journal drops it by its key
    const retry = h.post(msg);
    await expect.poll(() => journal.waiting).toBe(1);
    journal.release();
    expect((await retry).status).toBe(200);
    expect(journal.accepted.map((e) => e.dedupeKey)).toEqual(['c1:m1', 'c1:m1']);
  });

  it('turns a button press into a callback with the button data and the message that carried it', async () => {
    const journal = testIngress();
    const h = await startTransport(journal.ingress);
    const progress = await h.transport.send(
      { transport: 'webchat', chat: 'c1' },
      { text: 'working', buttons: [[{ text: 'Cancel', data: 'cancel:7' }]] },
    );
    const res = await h.post({
      kind: 'callback',
      chat: 'c1',
      id: 'press1',
      data: 'cancel:7',
      ref: progress.id,
    });
    expect(res.status).toBe(200);
    expect(journal.accepted[0]).toMatchObject({
      kind: 'callback',
      dedupeKey: 'c1:press1',
      text: 'cancel:7',
      messageRef: progress,
      sentAt: h.clock.now(),
    });
  });

  it('answers 503 (the page retries) when the journal refuses, and 400 for what can never work', async () => {
    const journal = testIngress({ open: false });
    const h = await startTransport(journal.ingress);
    const pending = h.post({ kind: 'message', chat: 'c1', id: 'm1', text: 'hi' });
    await expect.poll(() => journal.waiting).toBe(1);
    journal.refuse(new Error('disk full'));
    const refused = await pending;
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ error: 'FERRY_WEBCHAT_UNAVAILABLE' });

    const bad = [
      { kind: 'message', chat: 'c 1', id: 'm2', text: 'hi' },
      { kind: 'message', chat: 'c1', id: 'm2', text: '   ' },
      { kind: 'message', chat: 'c1', id: 'm2', text: 'hi', extra: true },
      { kind: 'shout', chat: 'c1', id: 'm2', text: 'hi' },
    ];
    for (const body of bad) {
      const res = await h.post(body);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'FERRY_WEBCHAT_BAD_REQUEST' });
    }
    const form = await h.request('/api/messages', { method: 'POST', body: 'text=hi' });
    expect(form.status).toBe(400);
    expect(journal.accepted).toHaveLength(1);
  });
});

describe('webchat auth', () => {
  it('answers 401 to a missing or wrong token everywhere, and accepts nothing', async () => {
    const journal = testIngress();
    const h = await startTransport(journal.ingress);
    const msg = { kind: 'message', chat: 'c1', id: 'm1', text: 'hi' };
    const attempts = [
      h.post(msg, null),
      h.post(msg, 'wrong-token-wrong-token'),
      h.request('/api/messages', {
        method: 'POST',
        token: null,
        headers: {
          'content-type': 'application/json',
          cookie: `ferry_webchat_${new URL(h.url).port}=forged`,
        },
        body: JSON.stringify(msg),
      }),
      h.request('/', { token: null }),
      h.request('/?token=wrong-token-wrong-token', { token: null }),
      h.request('/webchat.js', { token: null }),
      h.request('/api/events?chat=c1', { token: null }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await res.json()).toMatchObject({ error: 'FERRY_WEBCHAT_UNAUTHORIZED' });
    }
    expect(journal.accepted).toEqual([]);
  });

  it('swaps ?token= on the page for an HttpOnly SameSite=Strict cookie that then suffices', async () => {
    const journal = testIngress();
    const h = await startTransport(journal.ingress);
    const login = await h.request(`/?token=${TOKEN}&chat=c9`, { token: null });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/?chat=c9');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/; HttpOnly; SameSite=Strict; Path=\//);
    expect(cookie).not.toContain(TOKEN);
    const jar = { cookie: cookie.split(';')[0]! };

    const page = await h.request('/?chat=c9', { token: null, headers: jar });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<script src="/webchat.js"');
    const res = await h.request('/api/messages', {
      method: 'POST',
      token: null,
      headers: { ...jar, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'message', chat: 'c9', id: 'm1', text: 'by cookie' }),
    });
    expect(res.status).toBe(200);
    expect(journal.accepted.map((e) => e.text)).toEqual(['by cookie']);
  });
});

describe('webchat outbound: a durable log streamed as server-sent events', () => {
  it('streams send, edit and delete with increasing ids; a reconnect gets only what it missed', async () => {
    const h = await startTransport(testIngress().ingress);
    const chat = { transport: 'webchat', chat: 'c1' };
    const first = await openSse(`${h.url}api/events?chat=c1`, { authorization: `Bearer ${TOKEN}` });
    expect(first.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const progress = await h.transport.send(chat, {
      text: 'working',
      buttons: [[{ text: 'Cancel', data: 'cancel:1' }]],
    });
    await h.transport.send({ transport: 'webchat', chat: 'other' }, { text: 'not for c1' });
    await h.transport.edit(progress, {
      text: 'working · 1 s',
      buttons: [[{ text: 'Cancel', data: 'cancel:1' }]],
    });
    await first.waitFor(() => first.records().length === 2);
    expect(first.records().map((r) => [r.eventId, r.id, r.text])).toEqual([
      ['1', progress.id, 'working'],
      ['3', progress.id, 'working · 1 s'],
    ]);
    expect(first.events[0]).toEqual({ event: 'ready', data: '{"head":0}' });
    first.close();

    // while the page is away: the answer, the progress summary, a deleted message
    const answer = await h.transport.send(chat, {
      text: 'done\n\n— demo · 1 s',
      replyTo: { chat, id: 'm1' },
    });
    await h.transport.edit(progress, { text: '✓ done' });
    const extra = await h.transport.send(chat, { text: 'temporary' });
    await h.transport.delete(extra);

    const again = await openSse(`${h.url}api/events?chat=c1&since=0`, {
      authorization: `Bearer ${TOKEN}`,
      'last-event-id': '3',
    });
    await again.waitFor(() => again.events.some((e) => e.event === 'ready'));
    expect(again.records().map((r) => [r.id, r.text, r.deleted ?? false])).toEqual([
      [answer.id, 'done\n\n— demo · 1 s', false],
      [progress.id, '✓ done', false],
      [extra.id, '', true],
    ]);
    expect(again.records()[0]).toMatchObject({ replyTo: 'm1', role: 'bot' });
    expect(again.records()[1]).not.toHaveProperty('buttons');
  });

  it('keeps the log across a restart: the next generation edits an old ref and a resuming page sees it', async () => {
    const store = new MemoryPluginStore();
    const chat = { transport: 'webchat', chat: 'c1' };
    const before = await startTransport(testIngress().ingress, { store });
    const progress = await before.transport.send(chat, { text: 'working · 3 s' });
    await before.transport.stop();

    const after = await startTransport(testIngress().ingress, { store });
    await after.transport.edit(progress, { text: '⚠️ interrupted by a crash' });
    const fresh = await after.transport.send(chat, { text: 'Send /continue to pick it up.' });
    expect(Number(fresh.id.slice(1))).toBeGreaterThan(Number(progress.id.slice(1)));
    const page = await openSse(`${after.url}api/events?chat=c1`, {
      authorization: `Bearer ${TOKEN}`,
      'last-event-id': '1',
    });
    await page.waitFor(() => page.records().length === 2);
    expect(page.records().map((r) => r.text)).toEqual([
      '⚠️ interrupted by a crash',
      'Send /continue to pick it up.',
    ]);
    await expect(after.transport.edit({ chat, id: 'b999' }, { text: 'x' })).rejects.toMatchObject({
      code: 'FERRY_WEBCHAT_MESSAGE_NOT_FOUND',
    });
    await expect(
      after.transport.send({ transport: 'telegram', chat: '1' }, { text: 'x' }),
    ).rejects.toMatchObject({
      code: 'FERRY_CHAT_ADDRESS',
    });
  });

  it('pings idle streams on the clock, names open chats as admin chats, and stop closes everything', async () => {
    const h = await startTransport(testIngress().ingress, { config: { admin_chat: 'ops' } });
    const page = await openSse(`${h.url}api/events?chat=c1`, { authorization: `Bearer ${TOKEN}` });
    await page.waitFor(() => page.events.length > 0);
    expect(h.transport.adminChats()).toEqual([
      { transport: 'webchat', chat: 'c1' },
      { transport: 'webchat', chat: 'ops' },
    ]);
    await h.clock.advance(15_000);
    await page.waitFor(() => page.comments.includes(': ping'), 'ping');

    await h.transport.stop();
    await page.reading;
    expect(page.ended).toBe(true);
    await expect(h.post({ kind: 'message', chat: 'c1', id: 'late', text: 'hi' })).rejects.toThrow();
    expect(h.transport.adminChats()).toEqual([{ transport: 'webchat', chat: 'ops' }]);
  });
});
