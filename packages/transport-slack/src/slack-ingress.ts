import type { InboundEvent, IngressSink } from '@ferry/core';
import { tsAfter } from './slack-text.js';

/**
 * The host's ingress plus Slack's per-channel history cursor (`slack:<team>:<channel>`, the
 * newest message ts seen there). The cursor is committed in the same `accept` as the events
 * it covers, so catch-up after downtime starts exactly where journaling stopped.
 */
export class SlackIngress {
  /** Highest ts handed to `accept` per channel; cursors only move forward. */
  readonly #highest = new Map<string, string>();

  constructor(
    private readonly sink: IngressSink,
    private readonly teamId: string,
  ) {}

  cursorKey(channel: string): string {
    return `slack:${this.teamId}:${channel}`;
  }

  /** The committed cursor of `channel`, or undefined before its first message. */
  cursor(channel: string): string | undefined {
    return this.#highest.get(channel) ?? this.sink.cursor(this.cursorKey(channel));
  }

  /**
   * Journals `events`; when `seen` (message ts of `channel`, also ignored ones) moves the
   * channel's cursor forward, the new cursor rides in the same transaction. Resolves only
   * once durable: the caller acknowledges Slack after this and never before.
   */
  async accept(
    events: readonly InboundEvent[],
    channel?: string,
    seen: readonly string[] = [],
  ): Promise<void> {
    let cursor: { key: string; value: string } | undefined;
    if (channel !== undefined) {
      const before = this.cursor(channel);
      const newest = seen.reduce<string | undefined>((a, ts) => (tsAfter(ts, a) ? ts : a), undefined);
      if (newest !== undefined && tsAfter(newest, before)) {
        this.#highest.set(channel, newest);
        cursor = { key: this.cursorKey(channel), value: newest };
      }
    }
    if (events.length === 0 && cursor === undefined) return;
    await this.sink.accept(events, cursor);
  }
}
