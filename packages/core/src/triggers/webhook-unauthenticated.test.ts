import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { triggersSchema } from '../config/schema.js';
import { createLogger } from '../logging/logger.js';
import { listenFdOf } from './listen-fd.js';
import { RateLimiter } from './rate-limiter.js';
import type { WebhookCall } from './webhook-handler.js';
import { WebhookHandler } from './webhook-handler.js';
import { isLoopback } from './webhook-server.js';

/** The code of a refused call's `{ error: { code } }` body. */
async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

/** A handler whose server is said to face the network (the listen address is a seam here). */
async function serve(loopback: boolean, allow: boolean) {
  const clock = new ManualClock();
  const accepted: WebhookCall[] = [];
  const config = triggersSchema.parse({
    enabled: true,
    server: { allow_unauthenticated: allow },
    webhooks: [{ id: 'open', path: '/open', auth: 'none', chat: 'memory:c1' }],
  });
  const handler = new WebhookHandler({
    clock,
    log: createLogger({ level: 'silent' }),
    config: () => config,
    limiter: new RateLimiter(clock),
    fileDir: () => undefined,
    loopback: () => loopback,
    health: () => ({}),
    accept: async (call) => {
      accepted.push(call);
      return { seq: accepted.length, duplicate: false };
    },
  });
  const server = createServer((req, res) => void handler.handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  onTestFinished(() => new Promise<void>((r) => server.close(() => r())));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/open`;
  return {
    accepted,
    post: () => fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }),
  };
}

describe('auth = "none"', () => {
  it('is served on loopback', async () => {
    const s = await serve(true, false);
    expect((await s.post()).status).toBe(202);
    expect(s.accepted).toHaveLength(1);
  });

  it('is refused on another address unless allow_unauthenticated is set', async () => {
    const refused = await serve(false, false);
    const res = await refused.post();
    expect([res.status, await errorCode(res)]).toEqual([403, 'FERRY_WEBHOOK_UNAUTHENTICATED']);
    expect(refused.accepted).toEqual([]);
    const allowed = await serve(false, true);
    expect((await allowed.post()).status).toBe(202);
  });

  it('judges addresses and socket activation as documented', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.2'].some(isLoopback)).toBe(false);
    expect(listenFdOf({ LISTEN_FDS: '1', LISTEN_PID: '42' }, 42)).toBe(3);
    expect(listenFdOf({ LISTEN_FDS: '1', LISTEN_PID: '41' }, 42)).toBeUndefined();
    expect(listenFdOf({}, 42)).toBeUndefined();
  });
});
