import { expect, it } from 'vitest';
import { ChatPage, describeWithBrowser, sharedBrowser } from './__fixtures__/browser.js';
import { startTransport, TOKEN, testIngress } from './__fixtures__/harness.js';

/*
 * public/webchat.js in a real chromium against the real server, with the host played by the
 * test: it sends, edits and deletes through the transport and looks at what the page posted.
 */
const browser = sharedBrowser();

describeWithBrowser('the webchat page', () => {
  it('renders progress in place, the answer as a reply with its footer, and posts a pressed button', async () => {
    const journal = testIngress();
    const h = await startTransport(journal.ingress);
    const chat = await ChatPage.open(await browser.context(), `${h.url}?token=${TOKEN}&chat=c1`);
    expect(chat.page.url()).toBe(`${h.url}?chat=c1`); // the token left the address bar

    const userId = await chat.say('<img src=x onerror="window.owned=1"> list files');
    await expect.poll(() => journal.accepted.length).toBe(1);
    expect(journal.accepted[0]).toMatchObject({
      kind: 'message',
      text: '<img src=x onerror="window.owned=1"> list files',
    });
    await expect.poll(() => chat.bubble(userId).locator('.state').textContent()).toBe('');

    const where = { transport: 'webchat', chat: 'c1' };
    const cancel = [[{ text: 'Cancel', data: 'cancel:42' }]];
    const progress = await h.transport.send(where, {
      text: '⚙️ working · 0 s',
      replyTo: { chat: where, id: userId },
      buttons: cancel,
    });
    await chat.bubble(progress.id).getByText('⚙️ working · 0 s').waitFor();
    await h.transport.edit(progress, { text: '⚙️ working · 1 s\n✓ List files', buttons: cancel });
    await chat.bubble(progress.id).getByText('✓ List files').waitFor();
    expect(await chat.page.locator('.msg.bot').count()).toBe(1);
    await expect
      .poll(() => chat.bubble(progress.id).locator('.quote').textContent())
      .toMatch(/^↪ <img src=x/);

    await chat.bubble(progress.id).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => journal.accepted.length).toBe(2);
    expect(journal.accepted[1]).toMatchObject({ kind: 'callback', text: 'cancel:42', messageRef: progress });

    const answer = await h.transport.send(where, {
      text: 'Here are the files.\n\n— demo · 1 s · 2 in / 26 out tokens',
      replyTo: { chat: where, id: userId },
    });
    await h.transport.edit(progress, { text: '✓ done · 1 s · 1 step(s)' });
    await chat.bubble(answer.id).locator('.footer').getByText('— demo · 1 s').waitFor();
    expect(await chat.bubble(answer.id).locator('.text').textContent()).toBe('Here are the files.');
    expect(await chat.bubble(answer.id).getAttribute('data-reply-to')).toBe(userId);
    await expect.poll(() => chat.bubble(progress.id).locator('button').count()).toBe(0);
    expect(await chat.page.evaluate(() => (globalThis as { owned?: number }).owned)).toBeUndefined();

    await h.transport.delete(answer);
    await expect.poll(() => chat.bubble(answer.id).count()).toBe(0);
    // order: the user's message, then the progress message that replied to it
    expect(await chat.order()).toEqual([userId, progress.id]);
  });

  it('keeps a message the server did not take in localStorage and sends it again, also after a reload', async () => {
    const journal = testIngress({ open: false });
    const h = await startTransport(journal.ingress);
    const context = await browser.context();
    const chat = await ChatPage.open(context, `${h.url}?token=${TOKEN}&chat=c2`);
    const id = await chat.say('are you there?');
    await expect.poll(() => journal.waiting).toBe(1);
    journal.refuse(new Error('journal busy')); // 503: the page must try again
    await expect.poll(() => journal.waiting, { timeout: 5000 }).toBe(1);
    expect(await chat.bubble(id).locator('.state').textContent()).toBe('sending…');

    await chat.page.reload(); // the pending message survives in localStorage
    await chat.bubble(id).waitFor();
    await expect.poll(() => journal.waiting, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
    while (journal.waiting > 0) journal.release();
    await expect.poll(() => chat.bubble(id).locator('.state').textContent(), { timeout: 5000 }).toBe('');
    const keys = new Set(journal.accepted.map((e) => e.dedupeKey));
    expect(keys).toEqual(new Set([`c2:${id}`])); // every try was the same message
    expect(await chat.outbox()).toBe('[]');
  });

  it('gives each tab its own chat unless the URL names one', async () => {
    const h = await startTransport(testIngress().ingress);
    const context = await browser.context();
    const a = await ChatPage.open(context, `${h.url}?token=${TOKEN}`);
    const b = await ChatPage.open(context, h.url);
    expect(a.chatId()).toMatch(/^[0-9a-f]{24}$/);
    expect(b.chatId()).not.toBe(a.chatId());
    const c = await ChatPage.open(context, `${h.url}?chat=${a.chatId()}`);
    await h.transport.send({ transport: 'webchat', chat: a.chatId() }, { text: 'to a' });
    await c.bot('to a').waitFor();
    await a.bot('to a').waitFor();
    expect(await b.bot('to a').count()).toBe(0);
    expect(await a.page.locator('#chat').textContent()).toBe(`webchat:${a.chatId()}`);
  });

  it('reconnects by itself after a stop, and starts over when the server behind the address has a fresh log', async () => {
    const first = await startTransport(testIngress().ingress);
    const port = Number(new URL(first.url).port);
    const chat = await ChatPage.open(await browser.context(), `${first.url}?token=${TOKEN}&chat=c3`);
    const where = { transport: 'webchat', chat: 'c3' };
    for (const text of ['old one', 'old two']) await first.transport.send(where, { text });
    await chat.bot('old two').waitFor();
    await first.transport.stop();
    await chat.page.locator('#status:not([data-state="connected"])').waitFor();

    // same address, another state dir: its seqs start again below what the page has seen
    const second = await startTransport(testIngress().ingress, { config: { port } });
    await second.transport.send(where, { text: 'new one' });
    await chat.bot('new one').waitFor({ timeout: 10_000 });
    await chat.connected();
    await expect.poll(() => chat.page.locator('.msg').allInnerTexts()).toEqual(['new one']);
  });
});
