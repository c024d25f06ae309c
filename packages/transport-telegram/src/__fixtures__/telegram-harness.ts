import {
  type ChatAddress,
  type Clock,
  type InboundEvent,
  type IngressCursor,
  type IngressSink,
  SystemClock,
} from '@ferry/core';
import { createTestPluginContext } from '@ferry/core/testing';
import { onTestFinished } from 'vitest';
import { TelegramServer, type TelegramServerOptions } from '../../../../test/fakes/telegram-server.js';
import { type TelegramConfig, telegramConfigSchema } from '../telegram-config.js';
import { TelegramTransport } from '../telegram-transport.js';
import { captureLogger } from './capture-logger.js';

/** An ingress that records what it accepted; `hold()` makes accepts wait until `release()`. */
export function recordingIngress(start: Record<string, string> = {}) {
  const accepted: InboundEvent[] = [];
  const cursors = new Map(Object.entries(start));
  let gate: Promise<void> | undefined;
  let open: (() => void) | undefined;
  const ingress: IngressSink = {
    async accept(events: readonly InboundEvent[], cursor?: IngressCursor) {
      if (gate) await gate;
      accepted.push(...events);
      if (cursor) cursors.set(cursor.key, cursor.value);
    },
    cursor: (key) => cursors.get(key),
  };
  return {
    ingress,
    accepted,
    cursors,
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

export interface HarnessOptions {
  readonly config?: Partial<Record<keyof TelegramConfig, unknown>>;
  readonly clock?: Clock;
  readonly projectChats?: readonly ChatAddress[];
  readonly server?: TelegramServerOptions;
  /** Reuse a running fake (two transports on one bot). */
  readonly tg?: TelegramServer;
}

/** A fake Telegram on 127.0.0.1 and a transport pointed at it, both gone when the test ends. */
export async function telegramHarness(o: HarnessOptions = {}) {
  const tg = o.tg ?? (await new TelegramServer(o.server).start());
  if (!o.tg) onTestFinished(() => tg.close());
  const log = captureLogger();
  const ctx = createTestPluginContext({
    id: 'telegram',
    kind: 'transport',
    logger: log.logger,
    projectChats: o.projectChats ?? [],
  });
  const config = telegramConfigSchema.parse({
    bot_token: tg.token,
    api_root: tg.url,
    poll_timeout_s: 1,
    private_interval_ms: 0,
    group_interval_ms: 0,
    global_interval_ms: 0,
    retry_base_ms: 10,
    retry_max_ms: 100,
    stop_timeout_ms: 1000,
    ...o.config,
  });
  const clock = o.clock ?? new SystemClock();
  const transport = new TelegramTransport(config, clock, ctx);
  onTestFinished(() => transport.stop());
  return { tg, transport, log, ctx, config, clock };
}
