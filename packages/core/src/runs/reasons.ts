import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef } from '../api/messages.js';
import type { Outbox } from './outbox.js';
import type { OutboxSender } from './outbox-sender.js';

export type ReasonState = 'done' | 'skipped' | 'dead';

/**
 * A reason given instead of an answer ("skipped: too old", "unknown command", "your run was
 * interrupted", a dead letter) is the message's outcome, so it is delivered like an answer:
 * recorded in the outbox together with the entry's final state, then sent. A crash in between
 * re-sends it at start; a failed send is retried — never a `done` entry with nothing said.
 */
export class Reasons {
  constructor(
    private readonly outbox: Outbox,
    private readonly sender: OutboxSender,
  ) {}

  async give(
    seq: number | undefined,
    chat: ChatAddress,
    text: string,
    replyTo?: MessageRef,
    finalState: ReasonState = 'done',
  ): Promise<void> {
    const items = this.outbox.record(seq, chat, [text], replyTo, undefined, finalState);
    await this.sender.deliver(items);
  }
}
