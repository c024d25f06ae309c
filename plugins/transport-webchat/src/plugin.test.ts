import { createServer } from 'node:net';
import { CLOCK, PLUGIN_CONFIG, PLUGIN_CONTEXT, TRANSPORT, type Transport } from '@ferry/core';
import { createTestPluginContext, ManualClock } from '@ferry/core/testing';
import { container } from 'tsyringe';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startTransport, TOKEN, testIngress } from './__fixtures__/harness.js';
import plugin from './plugin.js';
import { isLoopback, webchatConfigSchema } from './webchat-config.js';
import { WebchatTransport } from './webchat-transport.js';

describe('webchat config', () => {
  it('defaults to a fixed loopback port and needs a long token', () => {
    expect(webchatConfigSchema.parse({ token: TOKEN })).toEqual({
      host: '127.0.0.1',
      port: 8765,
      token: TOKEN,
      allow_remote: false,
      history: 200,
    });
    expect(webchatConfigSchema.safeParse({}).success).toBe(false);
    expect(webchatConfigSchema.safeParse({ token: 'short' }).success).toBe(false);
    expect(webchatConfigSchema.safeParse({ token: TOKEN, colour: 'blue' }).success).toBe(false);
    expect(webchatConfigSchema.safeParse({ token: TOKEN, admin_chat: 'a:b' }).success).toBe(false);
  });

  it('refuses a non-loopback host unless allow_remote = true', () => {
    const remote = webchatConfigSchema.safeParse({ token: TOKEN, host: '0.0.0.0' });
    expect(remote.success).toBe(false);
    expect(remote.error?.issues[0]).toMatchObject({
      path: ['host'],
      message: expect.stringMatching(/allow_remote/),
    });
    expect(webchatConfigSchema.safeParse({ token: TOKEN, host: '0.0.0.0', allow_remote: true }).success).toBe(
      true,
    );
    expect(['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '::', '192.168.1.2', 'example.com', '::ffff:10.0.0.1'].some(isLoopback)).toBe(false);
  });
});

describe('webchat plugin', () => {
  it('registers the transport with explicit tokens', async () => {
    const parent = container.createChildContainer();
    parent.register(CLOCK, { useValue: new ManualClock() });
    parent.register(PLUGIN_CONTEXT, {
      useValue: createTestPluginContext({ id: 'webchat', kind: 'transport' }),
    });
    parent.register(PLUGIN_CONFIG, { useValue: webchatConfigSchema.parse({ token: TOKEN }) });
    const child = parent.createChildContainer();
    await plugin.register(child, webchatConfigSchema.parse({ token: TOKEN }));
    const transport = child.resolve<Transport>(TRANSPORT);
    expect(transport).toBeInstanceOf(WebchatTransport);
    expect(transport.capabilities).toMatchObject({ edit: true, delete: true, buttons: true });
    expect(plugin).toMatchObject({ kind: 'transport', id: 'webchat' });
  });

  it('fails start with FERRY_WEBCHAT_LISTEN when the port is taken', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    onTestFinished(() => void taken.close());
    const port = (taken.address() as { port: number }).port;
    await expect(startTransport(testIngress().ingress, { config: { port } })).rejects.toMatchObject({
      code: 'FERRY_WEBCHAT_LISTEN',
      message: expect.stringContaining(`127.0.0.1:${port}`),
    });
  });
});

describe('webchat lifecycle', () => {
  it('keeps journaling during a drain and waits only for POSTs already at the journal', async () => {
    const journal = testIngress({ open: false });
    const h = await startTransport(journal.ingress);
    const first = h.post({ kind: 'message', chat: 'c1', id: 'm1', text: 'before' });
    await expect.poll(() => journal.waiting).toBe(1);
    let report: unknown;
    const draining = h.transport
      .drain({ deadline: h.clock.now() + 60_000, reason: 'test', signal: new AbortController().signal })
      .then((r) => {
        report = r;
      });
    // a message written during the drain is still taken (the host's gate answers "restarting")
    const during = h.post({ kind: 'message', chat: 'c1', id: 'm2', text: 'during' });
    await expect.poll(() => journal.waiting).toBe(2);
    expect(report).toBeUndefined();
    journal.release();
    await draining;
    expect(report).toEqual({ waited: 1, interrupted: [] });
    journal.release();
    expect((await first).status).toBe(200);
    expect((await during).status).toBe(200);
  });

  it('gives up waiting at the drain deadline', async () => {
    const journal = testIngress({ open: false });
    const h = await startTransport(journal.ingress);
    void h.post({ kind: 'message', chat: 'c1', id: 'm1', text: 'stuck' }).catch(() => undefined);
    await expect.poll(() => journal.waiting).toBe(1);
    const draining = h.transport.drain({
      deadline: h.clock.now() + 5_000,
      reason: 'test',
      signal: new AbortController().signal,
    });
    await expect.poll(() => h.clock.pending).toBeGreaterThan(1); // the ping loop and the drain
    await h.clock.advance(5_000);
    await expect(draining).resolves.toEqual({ waited: 1, interrupted: [] });
    journal.release();
  });

  it('hot-applies admin_chat; anything about the listener needs a restart', async () => {
    const h = await startTransport(testIngress().ingress);
    const delta = (key: string) => ({ keys: [`transports.webchat.${key}`], previous: {}, next: {} });
    expect(h.transport.onConfigChange(delta('admin_chat'))).toBe('hot');
    for (const key of ['port', 'host', 'token', 'allow_remote', 'history'])
      expect(h.transport.onConfigChange(delta(key))).toBe('restart');
    await h.transport.applyConfig(webchatConfigSchema.parse({ token: TOKEN, admin_chat: 'ops' }));
    expect(h.transport.adminChats()).toEqual([{ transport: 'webchat', chat: 'ops' }]);
  });
});
