import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from './clock.js';

export class SystemClock implements Clock {
  now(): number {
    return Date.now();
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    try {
      await delay(ms, undefined, { signal });
    } catch (err) {
      // node's timers reject with a generic AbortError; callers expect the signal's own reason.
      if (signal?.aborted) throw signal.reason;
      throw err;
    }
  }
}
