import type { ChatAddress, InboundEvent, IngressCursor, IngressSink } from '@ferry/core';
import { SystemClock } from '@ferry/core';
import { createTestPluginContext } from '@ferry/core/testing';
import { onTestFinished } from 'vitest';
import { type FakeSlackOptions, FakeSlackServer } from '../../../../test/fakes/slack-server.js';
import { type SlackConfig, slackConfigSchema } from '../slack-config.js';
import { SlackTransport } from '../slack-transport.js';

/** An IngressSink like the host's: dedupes by key, keeps cursors; `hold()` parks accepts until released. */
export class TestIngress implements IngressSink {
  readonly events: InboundEvent[] = [];
  readonly cursors = new Map<string, string>();
  /** Every accept call, duplicates included. */
  calls = 0;
  failNext = 0;
  #gate: Promise<void> | undefined;
  #open: (() => void) | undefined;

  hold(): void {
    this.#gate = new Promise((resolve) => {
      this.#open = resolve;
    });
  }

  release(): void {
    this.#open?.();
    this.#gate = undefined;
  }

  async accept(events: readonly InboundEvent[], cursor?: IngressCursor): Promise<void> {
    this.calls++;
    if (this.#gate) await this.#gate;
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('disk full');
    }
    for (const e of events) {
      if (!this.events.some((x) => x.dedupeKey === e.dedupeKey)) this.events.push(structuredClone(e));
    }
    if (cursor) this.cursors.set(cursor.key, cursor.value);
  }

  cursor(key: string): string | undefined {
    return this.cursors.get(key);
  }

  texts(): string[] {
    return this.events.map((e) => e.text);
  }
}

export interface HarnessOptions {
  readonly config?: Partial<Record<keyof SlackConfig, unknown>>;
  readonly fake?: FakeSlackOptions;
  readonly projectChats?: readonly ChatAddress[];
  /** Reuse a fake (a restart against the same workspace). */
  readonly server?: FakeSlackServer;
  readonly ingress?: TestIngress;
  /** Share the plugin store across restarts. */
  readonly store?: ReturnType<typeof createTestPluginContext>['store'];
  readonly start?: boolean;
}

export const ALICE = 'U0ALICE';
export const MALLORY = 'U0MALLORY';
export const CHANNEL = 'C0FERRY';

/** A SlackTransport talking to a fresh fake Slack over real sockets; both stop when the test ends. */
export async function slackHarness(o: HarnessOptions = {}) {
  const fake = o.server ?? (await FakeSlackServer.start({ redeliverAfterMs: 500, ...o.fake }));
  if (!o.server) onTestFinished(() => fake.close());
  const config = slackConfigSchema.parse({
    bot_token: fake.botToken,
    app_token: fake.appToken,
    signing_secret: fake.signingSecret,
    api_url: fake.apiUrl,
    channel_ids: [CHANNEL],
    allowed_user_ids: [ALICE],
    edit_interval_ms: 0,
    channel_interval_ms: 0,
    ping_timeout_ms: 300,
    api_retries: 1,
    ...o.config,
  });
  const ctx = createTestPluginContext({
    id: 'slack',
    kind: 'transport',
    packageName: '@ferry/transport-slack',
    projectChats: o.projectChats ?? [],
    ...(o.store ? { store: o.store } : {}),
  });
  const transport = new SlackTransport(config, new SystemClock(), ctx);
  const ingress = o.ingress ?? new TestIngress();
  onTestFinished(() => transport.stop());
  if (o.start !== false) await transport.start(ingress);
  return { fake, transport, ingress, config, ctx };
}
