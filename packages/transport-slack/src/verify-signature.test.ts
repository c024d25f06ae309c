import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureRefusal } from './verify-signature.js';

const secret = 's3cret';
const body = Buffer.from('{"type":"event_callback"}');
const sign = (ts: number, b = body, s = secret) =>
  `v0=${createHmac('sha256', s).update(`v0:${ts}:${b}`).digest('hex')}`;

describe('signatureRefusal', () => {
  const now = 1_700_000_000_000;
  const ts = now / 1000;

  it('accepts a genuine request within five minutes', () => {
    expect(
      signatureRefusal({ timestamp: String(ts), signature: sign(ts), body }, secret, now),
    ).toBeUndefined();
    expect(
      signatureRefusal({ timestamp: String(ts - 299), signature: sign(ts - 299), body }, secret, now),
    ).toBeUndefined();
  });

  it('refuses a wrong secret, a changed body, a stale or missing timestamp', () => {
    expect(
      signatureRefusal({ timestamp: String(ts), signature: sign(ts, body, 'other'), body }, secret, now),
    ).toBe('signature mismatch');
    expect(
      signatureRefusal({ timestamp: String(ts), signature: sign(ts), body: Buffer.from('{}') }, secret, now),
    ).toBe('signature mismatch');
    expect(
      signatureRefusal({ timestamp: String(ts - 301), signature: sign(ts - 301), body }, secret, now),
    ).toMatch(/stale/);
    expect(signatureRefusal({ timestamp: undefined, signature: sign(ts), body }, secret, now)).toMatch(
      /missing/,
    );
    expect(signatureRefusal({ timestamp: String(ts), signature: 'v0=short', body }, secret, now)).toBe(
      'signature mismatch',
    );
  });
});
