import { type Clock, SystemClock } from '@ferry/core';
import { ManualClock } from '@ferry/core/testing';
import { Api } from 'grammy';
import type { Update } from 'grammy/types';
import { describe, expect, it, onTestFinished } from 'vitest';
import { TelegramServer } from '../../../test/fakes/telegram-server.js';
import { captureLogger } from './__fixtures__/capture-logger.js';
import { telegramConfigSchema } from './telegram-config.js';
import { UpdatePoller } from './update-poller.js';

async function fake(): Promise<TelegramServer> {
  const tg = await new TelegramServer().start();
  onTestFinished(() => tg.close());
  return tg;
}

/** A poller against the fake with real HTTP; `deliver` records, and can be held shut. */
function poller(
  tg: TelegramServer,
  o: { clock?: Clock; startOffset?: number; token?: string; base?: number } = {},
) {
  const log = captureLogger();
  const delivered: Update[] = [];
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  const config = telegramConfigSchema.parse({
    bot_token: o.token ?? tg.token,
    api_root: tg.url,
    poll_timeout_s: 1,
    retry_base_ms: o.base ?? 100,
    retry_max_ms: 2000,
  });
  const p = new UpdatePoller({
    api: new Api(config.bot_token, { apiRoot: config.api_root }),
    clock: o.clock ?? new SystemClock(),
    log: log.logger,
    config: () => config,
    startOffset: o.startOffset,
    onIdentity: () => undefined,
    deliver: async (updates) => {
      if (gate) await gate;
      delivered.push(...updates);
    },
  });
  onTestFinished(() => p.stop());
  return {
    p,
    log,
    delivered,
    texts: () => delivered.map((u) => u.message?.text ?? u.callback_query?.data),
    hold() {
      gate = new Promise((r) => {
        open = r;
      });
    },
    release() {
      gate = undefined;
      open?.();
    },
  };
}

describe('UpdatePoller', () => {
  it('collects the backlog at start without dropping it, and confirms a batch only after it was delivered', async () => {
    const tg = await fake();
    tg.userSends(1, 1, 'sent while Ferry was down');
    const h = poller(tg);
    h.hold();
    h.p.start();
    await h.p.ready;
    expect(tg.calls('deleteWebhook')[0]!.params.drop_pending_updates).toBe(false);
    await tg.waitFor(() => tg.calls('getUpdates').length >= 1);
    // delivery is held: the update must still be waiting on the server, unconfirmed
    await new Promise((r) => setTimeout(r, 100));
    expect(tg.pendingUpdates).toBe(1);
    expect(tg.calls('getUpdates')).toHaveLength(1);
    h.release();
    await tg.waitFor(() => tg.pendingUpdates === 0, 5000, 'confirmation');
    expect(h.texts()).toEqual(['sent while Ferry was down']);
    expect(h.p.offset).toBe(h.delivered[0]!.update_id + 1);
  });

  it('starts from the journal cursor: what it confirms is not delivered again', async () => {
    const tg = await fake();
    const old = tg.userSends(1, 1, 'already journaled');
    tg.userSends(1, 1, 'new');
    const firstId = 700_000_000;
    expect(old.message_id).toBe(1);
    const h = poller(tg, { startOffset: firstId + 1 });
    h.p.start();
    await tg.waitFor(() => h.delivered.length === 1, 5000);
    expect(h.texts()).toEqual(['new']);
  });

  it('backs off exponentially on the injected clock after 5xx and network errors, then recovers', async () => {
    const tg = await fake();
    const clock = new ManualClock(Date.now());
    tg.fail('getUpdates', 502, { times: 2 });
    tg.userSends(1, 1, 'hello');
    const h = poller(tg, { clock, base: 1000 });
    h.p.start();
    await h.p.ready; // the first failure does not hold up start
    await expect.poll(() => clock.pending).toBe(1);
    await clock.advance(999);
    expect(tg.calls('getUpdates')).toHaveLength(1);
    await clock.advance(1);
    await expect.poll(() => tg.calls('getUpdates').length).toBe(2);
    await expect.poll(() => clock.pending).toBe(1);
    await clock.advance(1999);
    expect(tg.calls('getUpdates')).toHaveLength(2);
    await clock.advance(1);
    await expect.poll(() => h.texts()).toEqual(['hello']);
    expect(h.log.at('warn').map((l) => l.msg)).toEqual(['telegram: cannot reach Telegram; retrying']);
  });

  it('waits exactly retry_after on a 429', async () => {
    const tg = await fake();
    const clock = new ManualClock(Date.now());
    tg.fail('getUpdates', 429, { retryAfter: 5 });
    const h = poller(tg, { clock });
    h.p.start();
    await expect.poll(() => clock.pending).toBe(1);
    await clock.advance(4999);
    expect(tg.calls('getUpdates')).toHaveLength(1);
    await clock.advance(1);
    await expect.poll(() => tg.calls('getUpdates').length).toBe(2);
  });

  it('a rejected token (401) fails start with a clear error and stops polling', async () => {
    const tg = await fake();
    const h = poller(tg, { token: '999:wrong' });
    h.p.start();
    await expect(h.p.ready).rejects.toMatchObject({ code: 'FERRY_TELEGRAM_UNAUTHORIZED' });
    const errors = h.log.at('error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/bot token was rejected.*bot_token/);
    await new Promise((r) => setTimeout(r, 200));
    expect(tg.requests).toHaveLength(1);
  });

  it('409: both pollers say why once; the newcomer yields with backoff, the established one keeps the updates', async () => {
    const tg = await fake();
    const a = poller(tg, { base: 50 });
    a.p.start();
    await a.p.ready;
    // a long poll has come back with a message: the first instance is established
    await tg.waitFor(() => tg.polling, 5000, 'a long poll');
    tg.userSends(1, 1, 'before');
    await tg.waitFor(() => a.delivered.length === 1, 5000);
    await tg.waitFor(() => tg.polling, 5000, 'the next long poll');

    const b = poller(tg, { base: 50 });
    b.p.start();
    await tg.waitFor(
      () => b.log.at('error').length > 0 && a.log.at('error').length > 0,
      5000,
      'both conflicts',
    );
    for (const side of [a, b]) {
      expect(side.log.at('error')).toHaveLength(1);
      expect(side.log.at('error')[0]!.msg).toMatch(/409 Conflict — another bot instance polls this token/);
      expect(side.log.at('error')[0]!.obj.err).toMatchObject({ code: 'FERRY_TELEGRAM_CONFLICT' });
    }
    expect(b.log.at('error')[0]!.obj.yielding).toBe(true);
    expect(a.log.at('error')[0]!.obj.yielding).toBe(false);

    // a while later the newcomer has only retried a few times, and messages reach the first
    await new Promise((r) => setTimeout(r, 1500));
    const bPolls = tg.calls('getUpdates').filter((c) => c.status === 409).length;
    expect(bPolls).toBeLessThan(12);
    for (const text of ['one', 'two', 'three']) tg.userSends(1, 1, text);
    await tg.waitFor(() => a.texts().length + b.texts().length === 4, 5000);
    expect(a.texts().filter((t) => t !== 'before').length).toBeGreaterThanOrEqual(2);
    expect(a.log.at('error')).toHaveLength(1);
    expect(b.log.at('error')).toHaveLength(1);
  });

  it('a webhook set meanwhile is removed (pending updates kept) and polling goes on', async () => {
    const tg = await fake();
    const h = poller(tg, { base: 20 });
    h.p.start();
    await h.p.ready;
    tg.setWebhook('https://example.invalid/hook');
    await tg.waitFor(() => tg.calls('getUpdates').some((c) => c.status === 409), 5000, 'a refused poll');
    tg.userSends(1, 1, 'after the webhook');
    await tg.waitFor(() => h.delivered.length === 1, 5000, 'delivery');
    expect(tg.calls('deleteWebhook').length).toBeGreaterThanOrEqual(2);
    expect(tg.droppedPending).toBe(0);
  });
});
