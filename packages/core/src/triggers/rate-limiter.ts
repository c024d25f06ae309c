import type { Clock } from '../clock/clock.js';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets per key on the injected clock: `perMinute` calls in a burst, refilled evenly
 * over a minute. A changed limit applies to the next call (buckets keep their level).
 */
export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly clock: Clock) {}

  /** Takes one token; 0 when allowed, else the ms until one is available (nothing is taken). */
  take(key: string, perMinute: number): number {
    const now = this.clock.now();
    const rate = perMinute / 60_000;
    const bucket = this.#buckets.get(key) ?? { tokens: perMinute, at: now };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * rate);
    bucket.at = now;
    this.#buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - bucket.tokens) / rate);
  }

  /** Gives a token back (a call admitted by one bucket was refused by the next). */
  refund(key: string): void {
    const bucket = this.#buckets.get(key);
    if (bucket) bucket.tokens += 1;
  }

  /** Forgets keys no longer in use (removed webhooks). */
  retain(keys: ReadonlySet<string>): void {
    for (const key of this.#buckets.keys()) if (!keys.has(key)) this.#buckets.delete(key);
  }
}
