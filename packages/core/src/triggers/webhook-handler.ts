import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../clock/clock.js';
import type { TriggersConfig, WebhookConfig } from '../config/schema.js';
import { isFerryError } from '../errors/ferry-error.js';
import type { Logger } from '../logging/logger.js';
import type { RateLimiter } from './rate-limiter.js';
import { renderPlain, renderWebhookPrompt, type TemplateContext } from './render-prompt.js';
import {
  WebhookError,
  WebhookMethodError,
  WebhookNotFoundError,
  WebhookRateLimitError,
  WebhookUnauthenticatedError,
} from './trigger-errors.js';
import { verifyWebhookAuth } from './webhook-auth.js';
import { parseBody, readBody } from './webhook-body.js';
import { writeWebhookFile } from './write-webhook-file.js';

/** The URL prefix of every webhook: `[[triggers.webhooks]] path = "/github"` is `POST /hooks/github`. */
export const HOOKS_PREFIX = '/hooks';
const GLOBAL_BUCKET = '*';

/** An accepted call, ready to journal. */
export interface WebhookCall {
  readonly hook: WebhookConfig;
  readonly dedupeKey: string;
  readonly text: string;
  readonly action: 'run' | 'notify';
}

export interface WebhookHandlerDeps {
  readonly clock: Clock;
  readonly log: Logger;
  /** Read per request: edits to routes, secrets and limits apply to the next call. */
  readonly config: () => TriggersConfig;
  readonly limiter: RateLimiter;
  readonly fileDir: () => string | undefined;
  /** True when the server listens on loopback only. */
  readonly loopback: () => boolean;
  readonly health: () => Record<string, unknown>;
  /** Journals the call; resolves once it is durable (only then is 202 sent). */
  readonly accept: (call: WebhookCall) => Promise<{ readonly seq?: number; readonly duplicate: boolean }>;
}

/** One request: route, limits, body, auth, action, journal, answer. Never throws. */
export class WebhookHandler {
  constructor(private readonly d: WebhookHandlerDeps) {}

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const { status, body } = await this.#route(req);
      reply(res, status, body);
    } catch (err) {
      if (err instanceof WebhookError) {
        if (err.status >= 500) this.d.log.error({ err }, 'webhook call failed');
        else this.d.log.info({ code: err.code, url: req.url }, `webhook call refused: ${err.message}`);
        reply(res, err.status, { error: { code: err.code, message: err.message } }, err.headers);
        return;
      }
      this.d.log.error({ err, url: req.url }, 'webhook call failed');
      reply(res, 500, {
        error: {
          ...(isFerryError(err) ? { code: err.code } : {}),
          message: 'internal error; see the daemon log',
        },
      });
    }
  }

  async #route(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url ?? '/', 'http://webhook.invalid');
    if (url.pathname === '/health' && (req.method === 'GET' || req.method === 'HEAD'))
      return { status: 200, body: { ok: true, ...this.d.health() } };
    const cfg = this.d.config();
    const hook = cfg.webhooks.find((h) => h.enabled && `${HOOKS_PREFIX}${h.path}` === url.pathname);
    if (!hook) throw new WebhookNotFoundError(`no webhook at ${url.pathname}`);
    if (req.method !== 'POST') throw new WebhookMethodError(`webhook "${hook.id}" takes POST only`);
    if (hook.auth === 'none' && !this.d.loopback() && !cfg.server.allow_unauthenticated)
      throw new WebhookUnauthenticatedError(
        `webhook "${hook.id}" has auth = "none" on a non-loopback address; set [triggers.server] allow_unauthenticated = true to allow it`,
      );
    this.#admit(hook, cfg);
    const raw = await readBody(req, cfg.server.max_body_kb * 1024);
    verifyWebhookAuth(hook, req.headers, raw, this.d.clock.now());
    const payload = parseBody(raw, req.headers['content-type']);
    if (hook.auth === 'slack' && isUrlVerification(payload))
      return { status: 200, body: { challenge: payload.challenge } };
    const key = dedupeKey(hook, req, payload);
    const ctx: TemplateContext = {
      webhook: { id: hook.id, path: hook.path },
      payload,
      headers: req.headers,
      query: Object.fromEntries(url.searchParams),
    };
    let call: WebhookCall;
    if (hook.action === 'agent_run') {
      call = { hook, dedupeKey: key, action: 'run', text: renderWebhookPrompt(hook.prompt_template, ctx) };
    } else if (hook.action === 'notify_only') {
      const text = hook.prompt_template
        ? renderPlain(hook.prompt_template, ctx)
        : `called (${raw.length} bytes)`;
      call = { hook, dedupeKey: key, action: 'notify', text };
    } else {
      const file = await writeWebhookFile(
        this.d.fileDir(),
        hook.file_path ?? '',
        { webhookId: hook.id, key, now: this.d.clock.now() },
        raw,
      );
      call = { hook, dedupeKey: key, action: 'notify', text: `wrote ${file} (${raw.length} bytes)` };
    }
    const accepted = await this.d.accept(call);
    return {
      status: 202,
      body: {
        accepted: true,
        webhook: hook.id,
        dedupe_key: key,
        duplicate: accepted.duplicate,
        ...(accepted.seq === undefined ? {} : { id: `${hook.id}:${accepted.seq}`, seq: accepted.seq }),
      },
    };
  }

  /** Global bucket first, then the webhook's own; a call refused by the second does not cost the first. */
  #admit(hook: WebhookConfig, cfg: TriggersConfig): void {
    const { limiter } = this.d;
    const globalWait = limiter.take(GLOBAL_BUCKET, cfg.server.rate_limit_per_min);
    if (globalWait > 0)
      throw new WebhookRateLimitError(
        'too many webhook calls ([triggers.server] rate_limit_per_min)',
        globalWait,
      );
    const wait = limiter.take(`hook:${hook.id}`, hook.rate_limit_per_min);
    if (wait > 0) {
      limiter.refund(GLOBAL_BUCKET);
      throw new WebhookRateLimitError(`too many calls to webhook "${hook.id}" (rate_limit_per_min)`, wait);
    }
  }
}

/** `Idempotency-Key`, else the configured header or payload field, else a fresh id (no dedupe). */
function dedupeKey(hook: WebhookConfig, req: IncomingMessage, payload: unknown): string {
  const idem = first(req.headers['idempotency-key']);
  if (idem) return `${hook.id}:idem:${idem}`;
  if (hook.dedupe_key) {
    const [source, name] = hook.dedupe_key.split(/:(.*)/s) as [string, string];
    const value =
      source === 'header'
        ? first(req.headers[name.toLowerCase()])
        : name
            .split('.')
            .reduce<unknown>(
              (node, k) =>
                node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined,
              payload,
            );
    if (typeof value === 'string' || typeof value === 'number')
      return `${hook.id}:${hook.dedupe_key}:${value}`;
  }
  return `${hook.id}:call:${randomUUID()}`;
}

function first(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

function isUrlVerification(p: unknown): p is { challenge: string } {
  const o = p as { type?: unknown; challenge?: unknown } | null;
  return (
    typeof o === 'object' && o !== null && o.type === 'url_verification' && typeof o.challenge === 'string'
  );
}

function reply(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  // a refused upload may still be streaming in: close the connection instead of reading it all
  const close = status === 413 ? { connection: 'close' } : {};
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
    ...close,
  });
  res.end(text);
}
