import { parseChatAddress } from '../api/chat-address.js';
import type { InboundEvent } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { TriggersConfig } from '../config/schema.js';
import type { JournalEntry } from '../ingress/journal-entry.js';
import type { Logger } from '../logging/logger.js';
import type { TransportHub } from '../transports/transport-hub.js';
import { RateLimiter } from './rate-limiter.js';
import { TriggerTargetError } from './trigger-errors.js';
import { webhookEvent } from './trigger-events.js';
import { type WebhookCall, WebhookHandler } from './webhook-handler.js';
import { type ListenTarget, WebhookServer } from './webhook-server.js';

export interface WebhookListenerDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly hub: TransportHub;
  readonly config: () => TriggersConfig;
  readonly fileDir: () => string | undefined;
  /** The systemd socket, when socket-activated. */
  readonly fd: number | undefined;
  readonly submit: (events: readonly InboundEvent[]) => Promise<readonly JournalEntry[]>;
  readonly health: () => Record<string, unknown>;
}

export interface ServerStatus {
  readonly listening: boolean;
  readonly address: string | null;
  readonly socket_activated: boolean;
  readonly error?: string;
}

/**
 * The webhook server's socket for one generation: bound when triggers are on and a webhook is
 * configured (or a socket was handed over), rebound when host or port change. A bind failure
 * is reported and leaves the daemon running without webhooks.
 */
export class WebhookListener {
  #server: WebhookServer | undefined;
  #error: string | undefined;
  readonly #limiter: RateLimiter;
  readonly #handler: WebhookHandler;

  constructor(private readonly d: WebhookListenerDeps) {
    this.#limiter = new RateLimiter(d.clock);
    this.#handler = new WebhookHandler({
      clock: d.clock,
      log: d.log,
      config: d.config,
      limiter: this.#limiter,
      fileDir: d.fileDir,
      loopback: () => this.#server?.loopback ?? true,
      health: d.health,
      accept: (call) => this.#accept(call),
    });
  }

  /** Brings the socket in line with the config; never throws for a bind failure (returns it). */
  async sync(): Promise<Error | undefined> {
    const cfg = this.d.config();
    this.#limiter.retain(new Set(['*', ...cfg.webhooks.map((h) => `hook:${h.id}`)]));
    const want: ListenTarget | undefined =
      cfg.enabled && (cfg.webhooks.length > 0 || this.d.fd !== undefined)
        ? {
            host: cfg.server.host,
            port: cfg.server.port,
            ...(this.d.fd === undefined ? {} : { fd: this.d.fd }),
          }
        : undefined;
    const have = this.#server?.target;
    if (
      have &&
      want &&
      (want.fd !== undefined ? have.fd === want.fd : have.host === want.host && have.port === want.port)
    )
      return undefined;
    if (!have && !want) return undefined;
    await this.close();
    if (!want) return undefined;
    const server = new WebhookServer(this.d.clock, (req, res) => this.#handler.handle(req, res));
    try {
      await server.listen(want);
    } catch (err) {
      this.#error = (err as Error).message;
      this.d.log.error({ err }, this.#error);
      return err as Error;
    }
    this.#server = server;
    this.#error = undefined;
    this.d.log.info(
      { address: server.address, socketActivated: want.fd !== undefined },
      'webhook server listening',
    );
    return undefined;
  }

  async close(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    await server?.close();
  }

  get port(): number | undefined {
    return this.#server?.port;
  }

  status(): ServerStatus {
    return {
      listening: this.#server !== undefined,
      address: this.#server?.address ?? null,
      socket_activated: this.d.fd !== undefined,
      ...(this.#error ? { error: this.#error } : {}),
    };
  }

  /** Journals the call (durable before the 202 goes out) and dispatches it. */
  async #accept(call: WebhookCall): Promise<{ seq?: number; duplicate: boolean }> {
    const chat = parseChatAddress(call.hook.chat);
    if (!this.d.hub.has(chat.transport))
      throw new TriggerTargetError(
        `webhook "${call.hook.id}" targets ${call.hook.chat}, but transport "${chat.transport}" is not running`,
      );
    const fresh = await this.d.submit([webhookEvent(call, this.d.clock.now())]);
    const entry = fresh[0];
    return entry ? { seq: entry.seq, duplicate: false } : { duplicate: true };
  }
}
