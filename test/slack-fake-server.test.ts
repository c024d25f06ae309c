import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SocketModeClient } from '@slack/socket-mode';
import { WebClient } from '@slack/web-api';
import { describe, expect, it, onTestFinished } from 'vitest';
import { WebSocket } from 'ws';
import { type FakeSlackOptions, FakeSlackServer } from './fakes/slack-server.js';

// biome-ignore lint/suspicious/noExplicitAny: raw JSON frames and bodies, read loosely in assertions
type Loose = Record<string, any>;

async function fake(options: FakeSlackOptions = {}): Promise<FakeSlackServer> {
  const server = await FakeSlackServer.start(options);
  onTestFinished(() => server.close());
  return server;
}

async function call(f: FakeSlackServer, method: string, params: Record<string, unknown>, token?: string) {
  const res = await fetch(`${f.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(params),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Loose };
}

/** A raw Socket Mode connection: every frame it receives, parsed. */
async function socket(f: FakeSlackServer) {
  const { body } = await call(f, 'apps.connections.open', {}, f.appToken);
  const ws = new WebSocket(body.url as string);
  const frames: Loose[] = [];
  ws.on('message', (d) => frames.push(JSON.parse(String(d))));
  await new Promise((resolve) => ws.once('open', resolve));
  onTestFinished(() => ws.terminate());
  const next = async (pred: (m: Loose) => boolean, what: string) => {
    await expect.poll(() => frames.find(pred), { timeout: 5000, interval: 5, message: what }).toBeDefined();
    return frames.find(pred)!;
  };
  return { ws, frames, next };
}

describe('fake Slack Web API', () => {
  it('answers errors as HTTP 200 ok:false and tells token types apart', async () => {
    const f = await fake();
    expect((await call(f, 'auth.test', {})).body).toEqual({ ok: false, error: 'not_authed' });
    expect((await call(f, 'auth.test', {}, 'xoxb-wrong')).body.error).toBe('invalid_auth');
    expect((await call(f, 'auth.test', {}, f.botToken)).body).toMatchObject({
      ok: true,
      user_id: 'U0BOT',
      bot_id: 'B0BOT',
    });
    expect((await call(f, 'no.such.method', {}, f.botToken)).body.error).toBe('unknown_method');
    expect((await call(f, 'apps.connections.open', {}, f.botToken)).body.error).toBe(
      'not_allowed_token_type',
    );
    expect((await call(f, 'apps.connections.open', {}, f.appToken)).body.url).toMatch(
      /^ws:\/\/127\.0\.0\.1:\d+\/link\//,
    );
    const post = await call(f, 'chat.postMessage', { channel: 'C404', text: 'x' }, f.botToken);
    expect(post).toMatchObject({ status: 200, body: { ok: false, error: 'channel_not_found' } });
    expect(
      (await call(f, 'chat.postMessage', { channel: 'C0FERRY', text: 'x'.repeat(40_001) }, f.botToken)).body
        .error,
    ).toBe('msg_too_long');
    expect(
      (await call(f, 'chat.update', { channel: 'C0FERRY', ts: '1.000001', text: 'y' }, f.botToken)).body
        .error,
    ).toBe('message_not_found');
    const user = f.say({ user: 'U1', channel: 'C0FERRY', text: 'mine', deliver: false });
    expect(
      (await call(f, 'chat.update', { channel: 'C0FERRY', ts: user.ts, text: 'y' }, f.botToken)).body.error,
    ).toBe('cant_update_message');
  });

  it('keeps blocks on an update without blocks and removes them with []', async () => {
    const f = await fake();
    const blocks = [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', value: 'v' }] }];
    const { body } = await call(
      f,
      'chat.postMessage',
      { channel: 'C0FERRY', text: 'one', blocks },
      f.botToken,
    );
    await call(f, 'chat.update', { channel: 'C0FERRY', ts: body.ts, text: 'two' }, f.botToken);
    expect(f.botMessages()[0]).toMatchObject({ text: 'two', blocks });
    await call(f, 'chat.update', { channel: 'C0FERRY', ts: body.ts, text: 'three', blocks: [] }, f.botToken);
    expect(f.botMessages()[0]!.blocks).toBeUndefined();
    expect(f.botMessages()[0]!.edits.map((e) => e.text)).toEqual(['two', 'three']);
  });

  it('pages history newest first and lists a thread parent first', async () => {
    const f = await fake();
    const parent = f.say({ user: 'U1', channel: 'C0FERRY', text: 'p', deliver: false });
    const texts = ['a', 'b', 'c', 'd'].map((t) =>
      f.say({ user: 'U1', channel: 'C0FERRY', text: t, deliver: false }),
    );
    const reply = f.say({ user: 'U1', channel: 'C0FERRY', text: 'r', thread_ts: parent.ts, deliver: false });
    const web = new WebClient(f.botToken, { slackApiUrl: f.apiUrl });
    const first = await web.conversations.history({ channel: 'C0FERRY', oldest: parent.ts, limit: 3 });
    expect(first.messages!.map((m) => m.text)).toEqual(['d', 'c', 'b']);
    expect(first.has_more).toBe(true);
    const second = await web.conversations.history({
      channel: 'C0FERRY',
      oldest: parent.ts,
      limit: 3,
      cursor: first.response_metadata!.next_cursor!,
    });
    expect(second.messages!.map((m) => m.text)).toEqual(['a']);
    const all = await web.conversations.history({ channel: 'C0FERRY' });
    expect(all.messages!.at(-1)).toMatchObject({ text: 'p', reply_count: 1, latest_reply: reply.ts });
    const replies = await web.conversations.replies({
      channel: 'C0FERRY',
      ts: parent.ts,
      oldest: texts[3]!.ts,
    });
    expect(replies.messages!.map((m) => m.text)).toEqual(['p', 'r']);
  });

  it('answers 429 with Retry-After, which the real WebClient waits out', async () => {
    const f = await fake();
    f.fault('chat.postMessage', { status: 429, retryAfterS: 1 });
    const raw = await call(f, 'chat.postMessage', { channel: 'C0FERRY', text: 'x' }, f.botToken);
    expect(raw.status).toBe(429);
    expect(raw.headers.get('retry-after')).toBe('1');
    f.fault('chat.postMessage', { status: 429, retryAfterS: 1 });
    const web = new WebClient(f.botToken, {
      slackApiUrl: f.apiUrl,
      retryConfig: { retries: 2, minTimeout: 10 },
    });
    const started = Date.now();
    expect((await web.chat.postMessage({ channel: 'C0FERRY', text: 'hi' })).ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('fake Slack Socket Mode', () => {
  it('says hello first, redelivers an unacked envelope with retry_attempt, and stops once acked', async () => {
    const f = await fake({ redeliverAfterMs: 300 });
    const s = await socket(f);
    expect((await s.next(() => true, 'hello')).type).toBe('hello');
    const m = f.say({ user: 'U1', channel: 'C0FERRY', text: f.mention('hi') });
    const first = await s.next((x) => x.payload?.event?.type === 'message', 'the message');
    expect(first).toMatchObject({ type: 'events_api', retry_attempt: 0, payload: { event: { ts: m.ts } } });
    const mention = await s.next((x) => x.payload?.event?.type === 'app_mention', 'the mention');
    expect(mention.payload.event_id).not.toBe(first.payload.event_id);
    expect(mention.payload.event.ts).toBe(m.ts);
    s.ws.send(JSON.stringify({ envelope_id: mention.envelope_id }));
    const retry = await s.next(
      (x) => x.envelope_id === first.envelope_id && x.retry_attempt === 1,
      'a retry',
    );
    expect(retry.retry_reason).toBe('timeout');
    s.ws.send(JSON.stringify({ envelope_id: first.envelope_id }));
    await new Promise((r) => setTimeout(r, 700));
    expect(s.frames.filter((x) => x.envelope_id === mention.envelope_id)).toHaveLength(1);
    expect(s.frames.filter((x) => x.envelope_id === first.envelope_id)).toHaveLength(2);
    expect(f.envelopes.every((e) => e.acked)).toBe(true);
  });

  it('delivers on the next connection what was raised while none was open, and gives up after the retries', async () => {
    const f = await fake({ redeliverAfterMs: 50, maxRetries: 1 });
    const m = f.say({ user: 'U1', channel: 'C0FERRY', text: 'while away' });
    await new Promise((r) => setTimeout(r, 200));
    const s = await socket(f);
    const got = await s.next((x) => x.payload?.event?.ts === m.ts, 'the backlog');
    expect(got.retry_attempt).toBe(0);
    await f.waitFor(() => f.envelopes[0]!.dropped, 2000, 'the drop');
    expect(s.frames.filter((x) => x.envelope_id === got.envelope_id)).toHaveLength(2);
  });

  it('announces a disconnect, sends nothing more on that connection, and answers pings', async () => {
    const f = await fake();
    const s = await socket(f);
    await s.next((x) => x.type === 'hello', 'hello');
    const pong = new Promise<string>((resolve) => s.ws.once('pong', (d) => resolve(String(d))));
    s.ws.ping('are you there');
    expect(await pong).toBe('are you there');
    f.disconnect('refresh_requested');
    await s.next((x) => x.type === 'disconnect', 'the disconnect');
    f.say({ user: 'U1', channel: 'C0FERRY', text: 'later' });
    await new Promise((r) => setTimeout(r, 100));
    expect(s.frames.some((x) => x.type === 'events_api')).toBe(false);
    const again = await socket(f);
    await again.next((x) => x.type === 'events_api', 'the event on the new connection');
  });

  it('rejects a ticket used twice', async () => {
    const f = await fake();
    const { body } = await call(f, 'apps.connections.open', {}, f.appToken);
    const one = new WebSocket(body.url as string);
    onTestFinished(() => one.terminate());
    await new Promise((resolve) => one.once('open', resolve));
    const two = new WebSocket(body.url as string);
    const error = await new Promise<Error>((resolve) => two.once('error', resolve));
    expect(error.message).toMatch(/401/);
  });

  it('serves the real SocketModeClient through apps.connections.open and reconnects it on refresh_requested', async () => {
    const f = await fake();
    const client = new SocketModeClient({
      appToken: f.appToken,
      clientOptions: { slackApiUrl: f.apiUrl },
      clientPingTimeout: 300,
      logLevel: 'error' as never,
    });
    const seen: string[] = [];
    client.on('slack_event', async ({ ack, body }) => {
      seen.push(String(body.event?.text));
      await ack();
    });
    await client.start();
    onTestFinished(() => client.disconnect());
    f.say({ user: 'U1', channel: 'C0FERRY', text: 'one' });
    await expect.poll(() => seen).toEqual(['one']);
    f.disconnect('refresh_requested');
    f.say({ user: 'U1', channel: 'C0FERRY', text: 'two' });
    await expect.poll(() => seen, { timeout: 5000 }).toEqual(['one', 'two']);
    expect(f.socketMode.connectionsOpened).toBe(2);
    expect(f.envelopes.every((e) => e.acked && e.deliveries === 1)).toBe(true);
  });
});

describe('fake Slack HTTP mode', () => {
  it('signs with v0 HMAC and retries with X-Slack-Retry-Num until it gets a 2xx', async () => {
    const f = await fake({ httpRetryDelayMs: 10 });
    const requests: { headers: IncomingMessage['headers']; body: string }[] = [];
    const app = createServer(async (req, res) => {
      let body = '';
      for await (const chunk of req) body += chunk;
      requests.push({ headers: req.headers, body });
      res.writeHead(requests.length === 1 ? 500 : 200).end();
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    onTestFinished(() => void app.close());
    f.deliverOverHttp(`http://127.0.0.1:${(app.address() as AddressInfo).port}/slack/events`);
    f.say({ user: 'U1', channel: 'C0FERRY', text: 'hello' });
    await f.waitFor(() => f.envelopes[0]?.acked === true, 5000, 'the ack');
    expect(requests).toHaveLength(2);
    const [first, second] = requests;
    const ts = first!.headers['x-slack-request-timestamp'] as string;
    const expected = `v0=${createHmac('sha256', f.signingSecret).update(`v0:${ts}:${first!.body}`).digest('hex')}`;
    expect(first!.headers['x-slack-signature']).toBe(expected);
    expect(first!.headers['x-slack-retry-num']).toBeUndefined();
    expect(second!.headers).toMatchObject({ 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_error' });
    expect(JSON.parse(second!.body)).toMatchObject({ type: 'event_callback', event: { text: 'hello' } });
  });
});
