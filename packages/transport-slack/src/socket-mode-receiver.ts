import type { Logger } from '@ferry/core';
import type { App, Receiver } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import { WebClient, type WebClientOptions } from '@slack/web-api';
import { processBeforeAck } from './deferred-ack.js';
import { SlackConnectError } from './slack-errors.js';
import { slackLogger } from './slack-logger.js';

export interface SocketModeReceiverOptions {
  readonly appToken: string;
  /** Where apps.connections.open goes (`api_url`). */
  readonly clientOptions: WebClientOptions;
  readonly pingTimeoutMs: number;
  readonly log: Logger;
}

interface SlackEventArgs {
  readonly ack: (payload?: unknown) => Promise<void>;
  readonly envelope_id?: string;
  readonly type?: string;
  readonly body: Record<string, unknown>;
  readonly retry_num?: number;
  readonly retry_reason?: string;
}

/**
 * Bolt's receiver contract over Socket Mode, acking an envelope only after Bolt's listeners
 * (which journal it) finished — Bolt's own SocketModeReceiver acks events before the
 * listeners run. A failed listener means no ack: Slack redelivers the envelope. The client
 * reconnects by itself after `disconnect` messages and drops; envelopes sent meanwhile are
 * redelivered by Slack.
 */
export class AckAfterJournalSocketModeReceiver implements Receiver {
  readonly #client: SocketModeClient;
  readonly #inFlight = new Set<Promise<void>>();
  #app: App | undefined;
  #stopping = false;

  constructor(private readonly o: SocketModeReceiverOptions) {
    this.#client = new SocketModeClient({
      appToken: o.appToken,
      clientOptions: o.clientOptions,
      logger: slackLogger(o.log, 'slack-socket-mode'),
      clientPingTimeout: o.pingTimeoutMs,
    });
    this.#client.on('slack_event', (args: SlackEventArgs) => this.#onEnvelope(args));
    this.#client.on('connected', () => o.log.info('slack: Socket Mode connected'));
    this.#client.on('reconnecting', () => o.log.info('slack: Socket Mode reconnecting'));
  }

  init(app: App): void {
    this.#app = app;
  }

  async start(): Promise<void> {
    this.#stopping = false;
    try {
      // The client retries a refused token forever when Slack's answer is not on its short
      // list of fatal ones (a bot token given as app token gets not_allowed_token_type):
      // one plain call first turns every refusal into a clear startup error.
      await new WebClient(undefined, this.o.clientOptions).apps.connections.open({ token: this.o.appToken });
      await this.#client.start();
    } catch (err) {
      throw new SlackConnectError(
        `slack: Socket Mode could not connect (${errorCode(err)}); check [transports.slack] app_token and api_url`,
        { cause: err },
      );
    }
  }

  /** Stops taking envelopes, lets those being journaled finish (and ack), then disconnects. */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.allSettled([...this.#inFlight]);
    await this.#client.disconnect();
  }

  #onEnvelope(args: SlackEventArgs): void {
    // not acked: the next generation gets it again
    if (this.#stopping || !this.#app) return;
    const app = this.#app;
    const task = (async () => {
      let response: unknown;
      try {
        response = await processBeforeAck(app, args.body, { num: args.retry_num, reason: args.retry_reason });
      } catch (err) {
        this.o.log.warn(
          { err, envelope: args.envelope_id, type: args.type },
          'slack: event not taken; Slack will deliver it again',
        );
        return;
      }
      try {
        // journal first, then ack: this order is the no-loss guarantee
        await args.ack(response === undefined ? undefined : (response as Record<string, unknown>));
      } catch (err) {
        // a socket that closed meanwhile: Slack redelivers and the journal drops the copy
        this.o.log.debug({ err, envelope: args.envelope_id }, 'slack: could not ack an envelope');
      }
    })();
    this.#inFlight.add(task);
    void task.finally(() => this.#inFlight.delete(task));
  }
}

function errorCode(err: unknown): string {
  const e = err as { data?: { error?: string }; code?: string; message?: string };
  return e.data?.error ?? e.code ?? e.message ?? String(err);
}
