import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALICE, CHANNEL, slackHarness } from './__fixtures__/slack-harness.js';
import { SlackApiError } from './slack-errors.js';

const thread = (ts: string) => ({ transport: 'slack', chat: CHANNEL, thread: ts });

describe('SlackTransport outbound', () => {
  it('posts into the thread, with buttons as Block Kit, and removes them on an edit without buttons', async () => {
    const { fake, transport } = await slackHarness();
    const parent = fake.say({ user: ALICE, channel: CHANNEL, text: 'p', deliver: false });
    const ref = await transport.send(thread(parent.ts), {
      text: 'working',
      buttons: [[{ text: 'Cancel', data: 'cancel:3' }]],
    });
    const posted = fake.botMessages()[0]!;
    expect(posted).toMatchObject({ ts: ref.id, thread_ts: parent.ts, text: 'working' });
    expect(JSON.stringify(posted.blocks)).toContain('"value":"cancel:3"');
    await transport.edit(ref, { text: '✓ done' });
    expect(fake.botMessages()[0]).toMatchObject({ text: '✓ done', blocks: undefined });
    await transport.delete(ref);
    expect(fake.botMessages()[0]!.deleted).toBe(true);
  });

  it('paces writes per channel and collapses waiting edits into the newest', async () => {
    // a turn long enough that a loaded machine still issues all four edits inside it
    const { fake, transport } = await slackHarness({ config: { channel_interval_ms: 1000 } });
    const parent = fake.say({ user: ALICE, channel: CHANNEL, text: 'p', deliver: false });
    const ref = await transport.send(thread(parent.ts), { text: 'v0' });
    await Promise.all(['v1', 'v2', 'v3', 'v4'].map((text) => transport.edit(ref, { text })));
    const updates = fake.calls('chat.update');
    // all four arrived while the channel's next turn was still ahead: one update carries the newest
    expect(updates.map((c) => c.params.text)).toEqual(['v4']);
    const writes = [...fake.calls('chat.postMessage'), ...updates].map((c) => c.at).sort((a, b) => a - b);
    // spacing is measured where the requests arrive: allow for a loaded machine's jitter, not for bunching
    for (let i = 1; i < writes.length; i++) expect(writes[i]! - writes[i - 1]!).toBeGreaterThanOrEqual(800);
    expect(fake.botMessages()[0]!.text).toBe('v4');
  });

  it('waits out a 429 Retry-After and then posts', async () => {
    const { fake, transport } = await slackHarness();
    fake.fault('chat.postMessage', { status: 429, retryAfterS: 1 });
    const started = Date.now();
    await transport.send({ transport: 'slack', chat: CHANNEL }, { text: 'after the limit' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(fake.botMessages().map((m) => m.text)).toEqual(['after the limit']);
  });

  it('reports Slack errors with the method and Slack’s code', async () => {
    const { transport } = await slackHarness();
    const err = await transport
      .send({ transport: 'slack', chat: 'C0NOPE' }, { text: 'x' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackApiError);
    expect(err).toMatchObject({
      code: 'FERRY_SLACK_API',
      method: 'chat.postMessage',
      slackError: 'channel_not_found',
    });
  });

  it('downloads an attachment through files.info and url_private, and uploads a file with files.uploadV2', async () => {
    const { fake, transport, ingress } = await slackHarness();
    fake.say({
      user: ALICE,
      channel: CHANNEL,
      text: fake.mention('see file'),
      files: [{ name: 'notes.txt', content: 'hello file' }],
    });
    await expect.poll(() => ingress.events.length).toBe(1);
    const [attachment] = ingress.events[0]!.attachments ?? [];
    expect(attachment).toMatchObject({ name: 'notes.txt', size: 10, mimeType: 'text/plain' });
    const dir = mkdtempSync(join(tmpdir(), 'ferry-slack-'));
    await transport.download(attachment!, join(dir, 'notes.txt'));
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('hello file');

    const out = join(dir, 'report.md');
    writeFileSync(out, '# report');
    const chat = ingress.events[0]!.chat;
    const ref = await transport.sendFile(chat, out, { caption: 'report.md' });
    const share = fake.botMessages().find((m) => m.files)!;
    expect(share).toMatchObject({ ts: ref.id, thread_ts: chat.thread, text: 'report.md' });
    expect(fake.workspace.files.get(share.files![0]!)!.bytes.toString()).toBe('# report');
  });
});

describe('SlackTransport.check (ferry doctor)', () => {
  it('reports the bot and team when both tokens work, and what is wrong otherwise', async () => {
    const { transport } = await slackHarness({ start: false });
    expect(await transport.check()).toEqual({ ok: true, detail: 'bot U0BOT in team T0FAKE, socket mode' });
    const swapped = await slackHarness({ start: false, config: { app_token: 'xoxb-fake-bot-token' } });
    expect(await swapped.transport.check()).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/not_allowed_token_type/),
    });
    const bad = await slackHarness({ start: false, config: { bot_token: 'xoxb-nope' } });
    expect(await bad.transport.check()).toMatchObject({
      ok: false,
      detail: expect.stringMatching(/invalid_auth.*bot_token/),
    });
  });
});
