import { createHmac } from 'node:crypto';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ferry, instanceDir, startDaemon } from '../support/daemon.js';
import { loopchat, loopchatConfig } from '../support/loopchat.js';

/*
 * Hostile and broken calls to the webhook server of a real daemon: each gets the documented
 * status (docs/triggers.md: 404, 405, 401, 413, 400, 415, 429, 202), none runs anything, the
 * daemon stays up, and the valid calls among them run exactly once.
 */
const HOOKS = `[triggers]
enabled = true
[triggers.server]
port = 0
max_body_kb = 4
rate_limit_per_min = 100000
[[triggers.webhooks]]
id = "gh"
path = "/gh"
auth = "bearer"
secret = "s3cret"
rate_limit_per_min = 100000
chat = "loopchat:hooks"
[[triggers.webhooks]]
id = "hub"
path = "/hub"
auth = "hmac-sha256"
secret = "hub-secret"
rate_limit_per_min = 100000
chat = "loopchat:hooks"
[[triggers.webhooks]]
id = "sl"
path = "/sl"
auth = "slack"
secret = "sl-secret"
rate_limit_per_min = 100000
chat = "loopchat:hooks"
[[triggers.webhooks]]
id = "tiny"
path = "/tiny"
auth = "bearer"
secret = "s3cret"
rate_limit_per_min = 2
chat = "loopchat:hooks"
`;

interface Call {
  readonly name: string;
  readonly path: string;
  readonly status: number;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Buffer;
}

const BEARER = { authorization: 'Bearer s3cret', 'content-type': 'application/json' };
const hub = (body: string) => `sha256=${createHmac('sha256', 'hub-secret').update(body).digest('hex')}`;

/** Bytes straight onto a socket: requests no HTTP client would send. Resolves with the reply. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1', () => s.end(bytes));
    let got = '';
    s.setEncoding('utf8').on('data', (d: string) => (got += d));
    s.on('close', () => resolve(got));
    s.on('error', () => resolve(got));
    s.setTimeout(5000, () => s.destroy());
  });
}

describe('webhook input fuzz (real daemon)', () => {
  it('answers every broken call with its documented status and stays up', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat, HOOKS));
    const daemon = startDaemon(config);
    await daemon.waitForLog('ferry is ready');
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    const base = `http://${status.triggers.server.address}`;
    const port = Number(String(status.triggers.server.address).split(':').at(-1));
    const calls: Call[] = [
      { name: 'unknown path', path: '/hooks/nope', status: 404, headers: BEARER, body: '{}' },
      { name: 'outside /hooks', path: '/gh', status: 404, headers: BEARER, body: '{}' },
      { name: 'GET on a webhook', path: '/hooks/gh', status: 405, method: 'GET' },
      { name: 'no credentials', path: '/hooks/gh', status: 401, body: '{}' },
      {
        name: 'wrong bearer',
        path: '/hooks/gh',
        status: 401,
        headers: { authorization: 'Bearer nope' },
        body: '{}',
      },
      {
        name: 'empty bearer',
        path: '/hooks/gh',
        status: 401,
        headers: { authorization: 'Bearer ' },
        body: '{}',
      },
      {
        name: '8 KB bearer',
        path: '/hooks/gh',
        status: 401,
        headers: { authorization: `Bearer ${'x'.repeat(8192)}` },
        body: '{}',
      },
      {
        name: 'hmac of another body',
        path: '/hooks/hub',
        status: 401,
        headers: { 'x-hub-signature-256': hub('{"a":1}') },
        body: '{"a":2}',
      },
      {
        name: 'hmac garbage',
        path: '/hooks/hub',
        status: 401,
        headers: { 'x-hub-signature-256': 'sha256=zz' },
        body: '{}',
      },
      {
        name: 'slack stale timestamp',
        path: '/hooks/sl',
        status: 401,
        headers: { 'x-slack-request-timestamp': '1000', 'x-slack-signature': 'v0=00' },
        body: '{}',
      },
      {
        name: 'slack timestamp not a number',
        path: '/hooks/sl',
        status: 401,
        headers: { 'x-slack-request-timestamp': '1e9', 'x-slack-signature': 'v0=00' },
        body: '{}',
      },
      {
        name: 'body over max_body_kb',
        path: '/hooks/gh',
        status: 413,
        headers: BEARER,
        body: `{"x":"${'y'.repeat(8000)}"}`,
      },
      { name: 'bad JSON', path: '/hooks/gh', status: 400, headers: BEARER, body: '{"a": ' },
      {
        name: 'invalid UTF-8 in JSON',
        path: '/hooks/gh',
        status: 400,
        headers: BEARER,
        body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22]),
      },
      {
        name: 'multipart',
        path: '/hooks/gh',
        status: 415,
        headers: { ...BEARER, 'content-type': 'multipart/form-data; boundary=x' },
        body: '--x--',
      },
      {
        name: 'unknown media type',
        path: '/hooks/gh',
        status: 415,
        headers: { ...BEARER, 'content-type': 'application/x-nope' },
        body: 'hi',
      },
      {
        name: 'valid bearer call',
        path: '/hooks/gh',
        status: 202,
        headers: { ...BEARER, 'idempotency-key': 'one' },
        body: '{"n":1}',
      },
      {
        name: 'its redelivery',
        path: '/hooks/gh',
        status: 202,
        headers: { ...BEARER, 'idempotency-key': 'one' },
        body: '{"n":1}',
      },
      {
        name: 'valid hmac call, deep JSON',
        path: '/hooks/hub',
        status: 202,
        headers: {
          'x-hub-signature-256': hub(`${'['.repeat(500)}${']'.repeat(500)}`),
          'content-type': 'application/json',
        },
        body: `${'['.repeat(500)}${']'.repeat(500)}`,
      },
    ];
    const wrong: string[] = [];
    for (const c of calls) {
      const res = await fetch(`${base}${c.path}`, {
        method: c.method ?? 'POST',
        headers: c.headers ?? {},
        ...(c.body !== undefined && (c.method ?? 'POST') === 'POST' ? { body: c.body } : {}),
      }).catch((err: Error) => ({ status: -1, text: async () => err.message }));
      const text = await res.text();
      if (res.status !== c.status)
        wrong.push(`${c.name}: ${res.status} (expected ${c.status}) ${text.slice(0, 120)}`);
      else if (c.status !== 202 && !/"code":"FERRY_|^$/.test(text))
        wrong.push(`${c.name}: no error code in ${text.slice(0, 120)}`);
    }
    // the rate limit: a burst of 2, then 429 with Retry-After
    const tiny = await Promise.all(
      [1, 2, 3].map(() =>
        fetch(`${base}/hooks/tiny`, {
          method: 'POST',
          headers: { authorization: 'Bearer nope' },
          body: '{}',
        }),
      ),
    );
    const last = tiny[2]!;
    if (last.status !== 429 || !last.headers.get('retry-after'))
      wrong.push(`third call to "tiny": ${last.status}, Retry-After ${last.headers.get('retry-after')}`);
    // requests no client would send: the server refuses them and goes on
    const garbage = await raw(port, 'NONSENSE\r\n\r\n');
    const aborted = await raw(
      port,
      'POST /hooks/gh HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\nAuthorization: Bearer s3cret\r\n\r\n{"a"',
    );
    if (!garbage.startsWith('HTTP/1.1 400'))
      wrong.push(`a garbage request line got ${JSON.stringify(garbage.slice(0, 40))}`);
    expect(wrong).toEqual([]);
    // the body never came (the client hung up): a 400 from Node's parser or no answer; no run, no crash
    expect(aborted === '' || aborted.startsWith('HTTP/1.1 400'), aborted).toBe(true);

    const runs = () => chat.bot.filter((m) => m.text.includes('via 🪝 webhook:'));
    await chat.waitFor(() => runs().length >= 2, 20_000, 'the two accepted calls run');
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      runs()
        .map((m) => m.text.match(/via 🪝 webhook:(\w+)/)?.[1])
        .sort(),
    ).toEqual(['gh', 'hub']);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(daemon.proc.exitCode).toBeNull();
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  }, 60_000);
});
