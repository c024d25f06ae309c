import type { Clock, Logger } from '@ferry/core';
import {
  type BlockActionBody,
  classifyAction,
  classifyCommand,
  type SlashCommandBody,
} from './classify-interaction.js';
import {
  type ClassifyContext,
  classifyMessage,
  isPersonMessage,
  type SlackMessageEvent,
  type Verdict,
} from './classify-message.js';
import { isDmChannel, type SlackAudience } from './slack-audience.js';
import type { SlackIngress } from './slack-ingress.js';
import type { ThreadRegistry } from './thread-registry.js';

export interface SlackInboundDeps {
  readonly ingress: SlackIngress;
  readonly classify: ClassifyContext;
  readonly audience: SlackAudience;
  readonly threads: ThreadRegistry;
  readonly clock: Clock;
  readonly log: Logger;
}

/**
 * What Bolt's listeners call: classify, remember threads and DMs, journal. Each method
 * resolves only once the event (or just the channel's moved cursor) is durable, and throws
 * when it is not — Bolt's listener then fails and the receiver does not ack.
 */
export class SlackInbound {
  constructor(private readonly d: SlackInboundDeps) {}

  async message(m: SlackMessageEvent): Promise<void> {
    const verdict = classifyMessage(m, this.d.classify);
    const channel = m.channel;
    // the history cursor covers every person's message in a channel Ferry catches up, ignored ones too
    const tracked =
      channel !== undefined && m.ts !== undefined && isPersonMessage(m) && this.#tracked(channel);
    if ('ignore' in verdict) {
      this.#ignored(verdict, { channel, ts: m.ts, user: m.user });
      if (tracked) await this.d.ingress.accept([], channel, [m.ts!]);
      return;
    }
    if (verdict.thread) this.d.threads.touch(verdict.thread.channel, verdict.thread.ts);
    if (channel && isDmChannel(channel)) this.d.threads.rememberDm(channel);
    await this.d.ingress.accept([verdict.accept], channel, m.ts ? [m.ts] : []);
  }

  async command(body: SlashCommandBody): Promise<void> {
    await this.#acceptOrIgnore(classifyCommand(body, this.d.classify, this.d.clock.now()), {
      channel: body.channel_id,
      user: body.user_id,
    });
  }

  async action(body: BlockActionBody): Promise<void> {
    await this.#acceptOrIgnore(classifyAction(body, this.d.classify, this.d.clock.now()), {
      channel: body.channel?.id,
      user: body.user?.id,
    });
  }

  async #acceptOrIgnore(verdict: Verdict, where: Record<string, unknown>): Promise<void> {
    if ('ignore' in verdict) return this.#ignored(verdict, where);
    await this.d.ingress.accept([verdict.accept]);
  }

  #ignored(verdict: { ignore: string }, where: Record<string, unknown>): void {
    this.d.log.debug({ reason: verdict.ignore, ...where }, 'slack: ignored');
  }

  #tracked(channel: string): boolean {
    return (
      this.d.audience.channels().includes(channel) ||
      (isDmChannel(channel) && this.d.threads.dms().includes(channel))
    );
  }
}
