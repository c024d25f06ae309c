import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { WebhookConfig } from '../config/schema.js';
import { WebhookAuthError } from './trigger-errors.js';

/** Slack rejects requests whose timestamp is further than this from now (replay protection). */
const SLACK_MAX_SKEW_MS = 5 * 60_000;

/**
 * Checks a webhook call's credentials against the raw body; throws WebhookAuthError.
 * Every comparison is timing-safe. The message never contains the secret or the sent value.
 */
export function verifyWebhookAuth(
  hook: Pick<WebhookConfig, 'id' | 'auth' | 'secret'>,
  headers: IncomingHttpHeaders,
  body: Buffer,
  now: number,
): void {
  const secret = hook.secret ?? '';
  switch (hook.auth) {
    case 'none':
      return;
    case 'bearer': {
      const m = /^Bearer\s+(.+)$/i.exec(header(headers, 'authorization') ?? '');
      if (!m || !safeEqual(m[1]!.trim(), secret)) throw refused(hook.id, 'bad or missing bearer token');
      return;
    }
    case 'hmac-sha256': {
      const sent = header(headers, 'x-hub-signature-256') ?? '';
      const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
      if (!safeEqual(sent.toLowerCase(), expected))
        throw refused(hook.id, 'bad or missing X-Hub-Signature-256');
      return;
    }
    case 'slack': {
      const ts = header(headers, 'x-slack-request-timestamp') ?? '';
      const sent = header(headers, 'x-slack-signature') ?? '';
      if (!/^\d{1,12}$/.test(ts) || Math.abs(now - Number(ts) * 1000) > SLACK_MAX_SKEW_MS)
        throw refused(hook.id, 'missing or stale X-Slack-Request-Timestamp (more than 5 minutes off)');
      const base = Buffer.concat([Buffer.from(`v0:${ts}:`), body]);
      const expected = `v0=${createHmac('sha256', secret).update(base).digest('hex')}`;
      if (!safeEqual(sent, expected)) throw refused(hook.id, 'bad or missing X-Slack-Signature');
      return;
    }
  }
}

/** Compares digests of both sides, so neither the length nor the content leaks through timing. */
function safeEqual(a: string, b: string): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db) && a.length === b.length;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function refused(id: string, why: string): WebhookAuthError {
  return new WebhookAuthError(`webhook "${id}": ${why}`);
}
