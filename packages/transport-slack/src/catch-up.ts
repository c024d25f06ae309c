import type { Clock, InboundEvent, Logger } from '@ferry/core';
import type { ClassifyContext, SlackMessageEvent } from './classify-message.js';
import { classifyMessage } from './classify-message.js';
import type { SlackApi, SlackMessage } from './slack-api.js';
import type { SlackIngress } from './slack-ingress.js';
import { msToTs, tsAfter } from './slack-text.js';
import type { ThreadRegistry } from './thread-registry.js';

export interface CatchUpDeps {
  readonly api: SlackApi;
  readonly ingress: SlackIngress;
  readonly threads: ThreadRegistry;
  readonly classify: ClassifyContext;
  readonly log: Logger;
  /**
   * Each channel's cursor as committed before this start connected: read first, because live
   * events arriving during catch-up move the cursor past what was posted while Ferry was away.
   */
  readonly since: ReadonlyMap<string, string | undefined>;
  /** The ts a channel without a cursor starts from ("now": a new install answers no old mentions). */
  readonly nowTs: string;
  readonly maxMessages: number;
  readonly maxThreads: number;
}

type Cursors = ReadonlyMap<string, string | undefined>;

export interface CatchUpContext extends Omit<CatchUpDeps, 'since' | 'nowTs' | 'maxMessages' | 'maxThreads'> {
  readonly clock: Clock;
  /** Channels to catch up: configured and project channels, and the DMs Ferry talked in. */
  readonly channels: () => readonly string[];
  readonly limits: () => { readonly maxMessages: number; readonly maxThreads: number };
}

/**
 * When to catch up, and from where: at start from the cursors committed before connecting,
 * and after each Socket Mode outage from the cursors at the moment the connection dropped
 * (an outage longer than Slack's redelivery window loses events that history still has).
 * Cursors are read before reconnecting because live events arriving during catch-up move
 * them past the backlog.
 */
export class CatchUpPlan {
  #lostAt: Cursors | undefined;

  constructor(private readonly c: CatchUpContext) {}

  cursors(): Cursors {
    return new Map([...new Set(this.c.channels())].map((ch) => [ch, this.c.ingress.cursor(ch)] as const));
  }

  run(since: Cursors): Promise<number> {
    return catchUp({ ...this.c, ...this.c.limits(), since, nowTs: msToTs(this.c.clock.now()) });
  }

  connectionLost(): void {
    this.#lostAt ??= this.cursors();
  }

  /** The catch-up for the outage that just ended, if one was noted. */
  reconnected(): Promise<number> | undefined {
    const since = this.#lostAt;
    this.#lostAt = undefined;
    return since && this.run(since);
  }
}

/**
 * Reads what was posted while Ferry was away (DESIGN §1: Slack is caught up through
 * `conversations.history`): per channel, top-level messages since its cursor, then the
 * replies since the cursor in the threads Ferry is in (recently active ones, and those a
 * mention in this very backlog starts). Everything goes through the same rules as live
 * events and the same journal, whose `channel:ts` keys drop what Socket Mode also delivers.
 * A channel that cannot be read is logged and skipped; the rest still catch up.
 */
export async function catchUp(d: CatchUpDeps): Promise<number> {
  let accepted = 0;
  for (const channel of d.since.keys()) {
    try {
      accepted += await catchUpChannel(channel, d);
    } catch (err) {
      d.log.warn(
        { err, channel },
        'slack: could not catch up this channel; messages sent there while Ferry was away may be missed',
      );
    }
  }
  return accepted;
}

async function catchUpChannel(channel: string, d: CatchUpDeps): Promise<number> {
  const since = d.since.get(channel);
  if (since === undefined) {
    // a new install answers no old mentions: what exists now is old. Slack's own newest ts
    // marks that line better than our clock, which may be off from Slack's.
    await d.ingress.accept([], channel, [(await d.api.newest(channel)) ?? d.nowTs]);
    return 0;
  }
  const events: InboundEvent[] = [];
  const seen: string[] = [];
  const take = (m: SlackMessage) => {
    if (!m.ts) return;
    seen.push(m.ts);
    const verdict = classifyMessage({ ...(m as SlackMessageEvent), channel }, d.classify);
    if ('ignore' in verdict) return;
    events.push(verdict.accept);
    if (verdict.thread) d.threads.touch(verdict.thread.channel, verdict.thread.ts);
  };

  const history = await d.api.history(channel, since, d.maxMessages);
  for (const m of history) take(m);
  const threads = new Set(d.threads.recent(channel, d.maxThreads));
  for (const m of history) {
    // a thread this backlog joined, or one with replies since the cursor that Ferry is in
    if (m.ts && m.latest_reply && tsAfter(m.latest_reply, since) && d.threads.has(channel, m.ts))
      threads.add(m.ts);
  }
  for (const ts of threads) {
    try {
      for (const m of await d.api.replies(channel, ts, since, d.maxMessages)) take(m);
    } catch (err) {
      // a deleted parent answers thread_not_found; the other threads still count
      d.log.debug({ err, channel, ts }, 'slack: could not read a thread during catch-up');
    }
  }
  // oldest first, so a thread's first message is queued before its follow-ups
  events.sort((a, b) => a.sentAt - b.sentAt || (a.dedupeKey < b.dedupeKey ? -1 : 1));
  await d.ingress.accept(events, channel, seen);
  if (events.length > 0)
    d.log.info({ channel, count: events.length }, 'slack: caught up messages sent while Ferry was away');
  return events.length;
}
