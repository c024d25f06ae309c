/*
 * HTTP-mode delivery of the fake Slack (PLATFORMS.md § Slack): each event is POSTed to the
 * app's request URL, signed `v0=hex(HMAC_SHA256(secret, "v0:" + ts + ":" + body))`; events as
 * JSON, slash commands form-encoded, interactivity as form `payload=<json>`. A response that is
 * not 2xx in time is retried with `X-Slack-Retry-Num` / `X-Slack-Retry-Reason`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { Delivery } from './slack-payloads.js';
import type { EnvelopeRecord } from './slack-socket-mode.js';

export interface HttpDeliveryOptions {
  readonly url: string;
  readonly signingSecret: string;
  /** A response slower than this counts as failed (Slack: 3 s). */
  readonly timeoutMs: number;
  readonly maxRetries: number;
  /** Pause before a retry (Slack retries at once, then after 1 and 5 minutes). */
  readonly retryDelayMs: number;
}

export interface SignedHeaders {
  readonly 'x-slack-request-timestamp': string;
  readonly 'x-slack-signature': string;
}

export function signBody(secret: string, body: string, timestampSec: number): SignedHeaders {
  const signature = createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSec), 'x-slack-signature': `v0=${signature}` };
}

/** The body and content type Slack uses for this kind of delivery. */
export function encodeDelivery(d: Delivery): { body: string; contentType: string } {
  if (d.type === 'events_api') return { body: JSON.stringify(d.payload), contentType: 'application/json' };
  const form = new URLSearchParams();
  if (d.type === 'interactive') form.set('payload', JSON.stringify(d.payload));
  else for (const [k, v] of Object.entries(d.payload)) form.set(k, String(v));
  return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
}

export class HttpDelivery {
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #inFlight = new Set<AbortController>();
  #closed = false;

  constructor(
    private readonly options: HttpDeliveryOptions,
    private readonly envelopes: EnvelopeRecord[],
    private readonly changed: () => void,
  ) {}

  raise(delivery: Delivery): EnvelopeRecord {
    const record: EnvelopeRecord = {
      envelope_id: randomUUID(),
      ...delivery,
      deliveries: 0,
      acked: false,
      dropped: false,
    };
    this.envelopes.push(record);
    void this.#attempt(record, delivery, undefined);
    return record;
  }

  async #attempt(record: EnvelopeRecord, delivery: Delivery, retryReason: string | undefined): Promise<void> {
    if (this.#closed) return;
    const { body, contentType } = encodeDelivery(delivery);
    const retryNum = record.deliveries;
    record.deliveries++;
    this.changed();
    const controller = new AbortController();
    this.#inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs);
    let reason: string;
    try {
      const res = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': contentType,
          ...signBody(this.options.signingSecret, body, Math.floor(Date.now() / 1000)),
          ...(retryReason
            ? { 'x-slack-retry-num': String(retryNum), 'x-slack-retry-reason': retryReason }
            : {}),
        },
        body,
        signal: controller.signal,
      });
      const text = await res.text();
      if (res.ok) {
        record.acked = true;
        record.ackPayload = text;
        this.changed();
        return;
      }
      reason = 'http_error';
    } catch {
      reason = controller.signal.aborted ? 'http_timeout' : 'connection_failed';
    } finally {
      clearTimeout(timer);
      this.#inFlight.delete(controller);
    }
    if (record.deliveries > this.options.maxRetries || this.#closed) {
      record.dropped = true;
      this.changed();
      return;
    }
    const retry = setTimeout(() => {
      this.#timers.delete(retry);
      void this.#attempt(record, delivery, reason);
    }, this.options.retryDelayMs);
    this.#timers.add(retry);
  }

  close(): void {
    this.#closed = true;
    for (const t of this.#timers) clearTimeout(t);
    for (const c of this.#inFlight) c.abort();
  }
}
