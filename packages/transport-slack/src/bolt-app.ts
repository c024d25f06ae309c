import type { AddressInfo } from 'node:net';
import type { Clock, Logger } from '@ferry/core';
import { App, type Receiver } from '@slack/bolt';
import type { SlackMessageEvent } from './classify-message.js';
import { SignedHttpReceiver } from './http-receiver.js';
import { ACTION_PREFIX } from './message-blocks.js';
import { type Identity, SlackApi } from './slack-api.js';
import type { SlackConfig } from './slack-config.js';
import type { SlackInbound } from './slack-inbound.js';
import { slackLogger } from './slack-logger.js';
import { AckAfterJournalSocketModeReceiver } from './socket-mode-receiver.js';

export interface BoltAppDeps {
  readonly config: SlackConfig;
  /** From Ferry's own auth.test, so Bolt makes no call of its own before the first event. */
  readonly identity: Identity;
  readonly inbound: SlackInbound;
  readonly clock: Clock;
  readonly log: Logger;
  /** Socket Mode: told when the connection drops and when it is back. */
  readonly connection?: { readonly lost: () => void; readonly regained: () => void };
}

export interface StartedApp {
  readonly app: App;
  /** HTTP mode: where the server listens. */
  readonly address?: AddressInfo;
}

/**
 * A Bolt App on the receiver for `mode`, its listeners handing everything to SlackInbound.
 * Bolt still routes events and drops the bot's own messages (`ignoreSelf`); the receivers
 * make Slack wait for the journal. Slash commands and clicks are acked after the listener
 * journaled them; anything unrouted is acked empty by the receiver.
 */
export async function startBoltApp(d: BoltAppDeps): Promise<StartedApp> {
  const { config, identity, inbound, log } = d;
  const app = new App({
    token: config.bot_token,
    botId: identity.botId,
    botUserId: identity.botUserId,
    receiver: receiverFor(d),
    clientOptions: SlackApi.clientOptions(config, log),
    logger: slackLogger(log, 'slack-bolt'),
    convoStore: false,
  });
  app.event('message', async ({ event }) => inbound.message(event as SlackMessageEvent));
  app.event('app_mention', async ({ event }) => inbound.message(event as SlackMessageEvent));
  app.command(config.slash_command, async ({ command, ack }) => {
    await inbound.command(command);
    await ack();
  });
  app.action(new RegExp(`^${ACTION_PREFIX}`), async ({ body, ack }) => {
    await inbound.action(body as never);
    await ack();
  });
  const started: unknown = await app.start();
  return config.mode === 'http' ? { app, address: started as AddressInfo } : { app };
}

function receiverFor({ config, clock, log, connection }: BoltAppDeps): Receiver {
  if (config.mode === 'http') {
    const { host, port, path } = config.http;
    return new SignedHttpReceiver({
      host,
      port,
      path,
      signingSecret: config.signing_secret ?? '',
      clock,
      log,
    });
  }
  return new AckAfterJournalSocketModeReceiver({
    appToken: config.app_token ?? '',
    clientOptions: SlackApi.clientOptions(config, log),
    pingTimeoutMs: config.ping_timeout_ms,
    clock,
    log,
    ...(connection ? { onConnectionLost: connection.lost, onReconnected: connection.regained } : {}),
  });
}
