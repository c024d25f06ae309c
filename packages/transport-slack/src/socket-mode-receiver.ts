import type { Clock, Logger } from '@ferry/core';
import type { App, Receiver } from '@slack/bolt';
import { SocketModeClient } from '@slack/socket-mode';
import type { WebClientOptions } from '@slack/web-api';
import { processBeforeAck } from './deferred-ack.js';
import { SlackConnectError } from './slack-errors.js';
import { slackLogger } from './slack-logger.js';

export interface SocketModeReceiverOptions {
  readonly appToken: string;
  /** Where apps.connections.open goes (`api_url`). */
  readonly clientOptions: WebClientOptions;
  readonly pingTimeoutMs: number;
  readonly clock: Clock;
  readonly log: Logger;
  /** The connection dropped (called once per outage, before reconnecting). */
  readonly onConnectionLost?: () => void;
  /** Connected again after an outage. */
  readonly onReconnected?: () => void;
}

interface SlackEventArgs {
  readonly ack: (payload?: Record<string, unknown>) => Promise<void>;
  readonly envelope_id?: string;
  readonly type?: string;
  readonly body: Record<string, unknown>;
  readonly retry_num?: number;
  readonly retry_reason?: string;
}

/** Pauses between reconnection attempts after the first, immediate one. */
const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/**
 * Bolt's receiver contract over Socket Mode, acking an envelope only after Bolt's listeners
 * (which journal it) finished — Bolt's own SocketModeReceiver acks events before the
 * listeners run. A failed listener means no ack: Slack redelivers the envelope.
 *
 * Reconnecting is done here rather than by the client: the client gives up for good when
 * apps.connections.open fails with a network error during a reconnect, which would leave a
 * running daemon deaf after a longer outage. Slack redelivers what it sent meanwhile.
 */
export class AckAfterJournalSocketModeReceiver implements Receiver {
  readonly #client: SocketModeClient;
  readonly #inFlight = new Set<Promise<void>>();
  readonly #stop = new AbortController();
  #app: App | undefined;
  #started = false;
  #reconnecting: Promise<void> | undefined;

  constructor(private readonly o: SocketModeReceiverOptions) {
    this.#client = new SocketModeClient({
      appToken: o.appToken,
      clientOptions: o.clientOptions,
      logger: slackLogger(o.log, 'slack-socket-mode'),
      clientPingTimeout: o.pingTimeoutMs,
      autoReconnectEnabled: false,
    });
    this.#client.on('slack_event', (args: SlackEventArgs) => this.#onEnvelope(args));
    this.#client.on('disconnected', () => this.#onDisconnected());
  }

  init(app: App): void {
    this.#app = app;
  }

  async start(): Promise<void> {
    try {
      await this.#client.start();
    } catch (err) {
      throw new SlackConnectError(
        `slack: Socket Mode could not connect (${errorCode(err)}); check [transports.slack] app_token and api_url`,
        { cause: err },
      );
    }
    this.#started = true;
    this.o.log.info('slack: Socket Mode connected');
  }

  /** Stops taking envelopes, lets those being journaled finish (and ack), then disconnects. */
  async stop(): Promise<void> {
    this.#stop.abort();
    await Promise.allSettled([...this.#inFlight]);
    await this.#reconnecting;
    await this.#client.disconnect();
  }

  #onDisconnected(): void {
    if (!this.#started || this.#stop.signal.aborted || this.#reconnecting) return;
    this.o.onConnectionLost?.();
    this.#reconnecting = this.#reconnect().finally(() => {
      this.#reconnecting = undefined;
    });
  }

  async #reconnect(): Promise<void> {
    const signal = this.#stop.signal;
    for (let attempt = 0; !signal.aborted; attempt++) {
      if (attempt > 0) {
        const pause = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** (attempt - 1));
        const stopped = await this.o.clock.sleep(pause, signal).then(
          () => false,
          () => true,
        );
        if (stopped) return;
      }
      try {
        await this.#client.start();
        this.o.log.info({ attempt: attempt + 1 }, 'slack: Socket Mode reconnected');
        this.o.onReconnected?.();
        return;
      } catch (err) {
        this.o.log.warn(
          { err: errorCode(err), attempt: attempt + 1 },
          'slack: Socket Mode reconnect failed; trying again',
        );
      }
    }
  }

  #onEnvelope(args: SlackEventArgs): void {
    // not acked: the next generation gets it again
    if (this.#stop.signal.aborted || !this.#app) return;
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
        await args.ack(response as Record<string, unknown> | undefined);
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
