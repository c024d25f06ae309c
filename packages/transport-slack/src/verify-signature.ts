import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's window for `X-Slack-Request-Timestamp` (PLATFORMS.md): older requests may be replays. */
export const MAX_SKEW_MS = 5 * 60_000;

export interface SignedRequest {
  readonly timestamp: string | undefined;
  readonly signature: string | undefined;
  readonly body: Buffer;
}

/**
 * Checks Slack's request signature `v0=hex(HMAC_SHA256(secret, "v0:" + ts + ":" + body))`
 * over the raw body, in constant time, and the timestamp against `nowMs`. Returns why the
 * request is refused, or undefined when it is genuine.
 */
export function signatureRefusal(req: SignedRequest, secret: string, nowMs: number): string | undefined {
  if (!req.timestamp || !req.signature) return 'missing X-Slack-Request-Timestamp or X-Slack-Signature';
  const ts = Number(req.timestamp);
  if (!Number.isInteger(ts)) return 'malformed timestamp';
  if (Math.abs(nowMs - ts * 1000) > MAX_SKEW_MS) return 'stale timestamp (more than 5 minutes off)';
  const expected = Buffer.from(
    `v0=${createHmac('sha256', secret).update(`v0:${req.timestamp}:`).update(req.body).digest('hex')}`,
  );
  const given = Buffer.from(req.signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature mismatch';
  return undefined;
}
