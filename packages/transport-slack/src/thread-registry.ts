import type { Clock, PluginStore } from '@ferry/core';

interface Seen {
  /** Last activity (clock ms). */
  readonly at: number;
}

const THREAD = 'thread:';
const DM = 'dm:';

/**
 * The threads Ferry is in (a mention started or joined them: replies there continue without
 * a mention) and the DMs it has talked in, kept in the plugin's durable store so both survive
 * restarts and catch-up knows where to look.
 */
export class ThreadRegistry {
  constructor(
    private readonly store: PluginStore,
    private readonly clock: Clock,
  ) {}

  has(channel: string, threadTs: string): boolean {
    return this.store.get<Seen>(`${THREAD}${channel}:${threadTs}`) !== undefined;
  }

  /** Joins the thread, or notes new activity in it. */
  touch(channel: string, threadTs: string): void {
    this.store.set(`${THREAD}${channel}:${threadTs}`, { at: this.clock.now() } satisfies Seen);
  }

  /** The `limit` most recently active threads of `channel`, newest first. */
  recent(channel: string, limit: number): string[] {
    const prefix = `${THREAD}${channel}:`;
    return this.store
      .keys(prefix)
      .map((key) => ({ ts: key.slice(prefix.length), at: this.store.get<Seen>(key)?.at ?? 0 }))
      .sort((a, b) => b.at - a.at)
      .slice(0, limit)
      .map((t) => t.ts);
  }

  rememberDm(channel: string): void {
    this.store.set(`${DM}${channel}`, { at: this.clock.now() } satisfies Seen);
  }

  dms(): string[] {
    return this.store.keys(DM).map((key) => key.slice(DM.length));
  }

  /** Forgets threads and DMs quiet for longer than `maxAgeMs`. */
  prune(maxAgeMs: number): void {
    const before = this.clock.now() - maxAgeMs;
    for (const key of [...this.store.keys(THREAD), ...this.store.keys(DM)]) {
      if ((this.store.get<Seen>(key)?.at ?? 0) < before) this.store.delete(key);
    }
  }
}
