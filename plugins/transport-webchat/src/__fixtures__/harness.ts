import type { InboundEvent, IngressSink, PluginStore } from '@ferry/core';
import { createTestPluginContext, ManualClock, MemoryPluginStore } from '@ferry/core/testing';
import { onTestFinished } from 'vitest';
import { type WebchatConfig, webchatConfigSchema } from '../webchat-config.js';
import { WebchatTransport } from '../webchat-transport.js';

export const TOKEN = 'test-token-0123456789abcdef';

/**
 * An ingress whose `accept` resolves only when the test releases it (or at once when `open`),
 * recording what it was given — the host's journal, as far as a transport can tell.
 */
export function testIngress(options: { open?: boolean } = {}) {
  const accepted: InboundEvent[] = [];
  const gates: { resolve: () => void; reject: (err: Error) => void }[] = [];
  let open = options.open ?? true;
  const ingress: IngressSink = {
    accept: (events) =>
      new Promise<void>((resolve, reject) => {
        accepted.push(...events);
        if (open) resolve();
        else gates.push({ resolve, reject });
      }),
    cursor: () => undefined,
  };
  return {
    ingress,
    accepted,
    /** Makes later accepts wait for release(). */
    hold: () => {
      open = false;
    },
    release: () => gates.shift()?.resolve(),
    refuse: (err: Error) => gates.shift()?.reject(err),
    get waiting() {
      return gates.length;
    },
  };
}

export interface Harness {
  readonly transport: WebchatTransport;
  readonly clock: ManualClock;
  readonly store: PluginStore;
  readonly url: string;
  /** fetch against the server, with the bearer token unless `token: null`. */
  request(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  post(body: unknown, token?: string | null): Promise<Response>;
}

/** A started WebchatTransport on 127.0.0.1 (port 0 unless given), stopped when the test ends. */
export async function startTransport(
  ingress: IngressSink,
  options: { store?: PluginStore; config?: Partial<WebchatConfig>; clock?: ManualClock } = {},
): Promise<Harness> {
  const config = webchatConfigSchema.parse({ port: 0, token: TOKEN, ...options.config });
  const clock = options.clock ?? new ManualClock();
  const store = options.store ?? new MemoryPluginStore();
  const ctx = createTestPluginContext({ id: 'webchat', kind: 'transport', store });
  const transport = new WebchatTransport(config, clock, ctx);
  onTestFinished(() => transport.stop());
  await transport.start(ingress);
  const url = transport.url!;
  const request = (path: string, init: RequestInit & { token?: string | null } = {}) => {
    const { token = TOKEN, headers, ...rest } = init;
    return fetch(new URL(path, url), {
      ...rest,
      redirect: 'manual',
      headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
    });
  };
  return {
    transport,
    clock,
    store,
    url,
    request,
    post: (body, token) =>
      request('/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        ...(token === undefined ? {} : { token }),
      }),
  };
}
