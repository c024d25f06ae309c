import type { ChatAddress } from './chat-address.js';

/** A message the transport has sent (or received) and can edit, delete or reply to. */
export interface MessageRef {
  readonly chat: ChatAddress;
  readonly id: string;
}

export interface Button {
  readonly text: string;
  /** Opaque data echoed back in a `callback` event (Telegram: ≤ 64 bytes). */
  readonly data: string;
}

export interface OutgoingMessage {
  readonly text: string;
  /** Reply to this message (the answer replies to the user's message, so it notifies). */
  readonly replyTo?: MessageRef;
  /** Rows of buttons; omitted = no keyboard (an edit without buttons removes them). */
  readonly buttons?: readonly (readonly Button[])[];
  /** Hint that the message is low-value (progress): transports may send it silently. */
  readonly silent?: boolean;
}

/** A file attached to an inbound message: metadata only (the event must stay JSON). */
export interface Attachment {
  /** Transport-specific handle (Telegram `file_id`, Slack file id). */
  readonly id: string;
  readonly name: string;
  readonly size?: number;
  readonly mimeType?: string;
}

export interface Sender {
  readonly id: string;
  readonly name?: string;
  readonly isBot?: boolean;
}

/**
 * One inbound event, as a transport hands it to the host. Everything in it must survive a
 * round trip through JSON: it is journaled before the platform is acknowledged.
 */
export interface InboundEvent {
  /** Id of the transport plugin that received it. */
  readonly transport: string;
  /**
   * Stable identity across redeliveries (Telegram `update_id`, Slack `channel:ts` for
   * messages, `event_id` otherwise). The host runs an event at most once per key.
   */
  readonly dedupeKey: string;
  readonly kind: 'message' | 'callback';
  readonly chat: ChatAddress;
  readonly sender: Sender;
  /** Message text; for a callback, the button's data. */
  readonly text: string;
  /** The user's own message, so the answer can reply to it. */
  readonly messageRef?: MessageRef;
  /** The message the user replied to, if any (used by `/cancel` by reply). */
  readonly replyTo?: MessageRef;
  /**
   * Text of the replied-to message, when the platform gives it: a reply to an old answer
   * continues that answer's session when the text carries an engine's resume line.
   */
  readonly replyToText?: string;
  /** Files the user attached; the host saves them into the run's working dir via `Transport.download`. */
  readonly attachments?: readonly Attachment[];
  /** When the platform says it was sent (epoch ms); used to tell the engine about backlog delay. */
  readonly sentAt: number;
  /** Transport-specific extras the transport wants back later (must be JSON). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Set when a trigger, not a person, produced the event: its text is a prompt, never a command. */
  readonly origin?: TriggerOrigin;
}

/**
 * Which trigger started an event (`transport` is then `cron`, `at` or `webhook` and `chat` the
 * target). `action: 'notify'` sends the text to the chat instead of running an engine.
 */
export interface TriggerOrigin {
  readonly kind: 'cron' | 'at' | 'webhook';
  readonly id: string;
  readonly engine?: string;
  readonly action?: 'run' | 'notify';
  /** Shown once in the chat before the run, so its progress and answer reply to it. */
  readonly header?: string;
}

/** A transport's position in its platform's stream (Telegram offset, Slack history ts). */
export interface IngressCursor {
  readonly key: string;
  readonly value: string;
}

/**
 * Where transports hand inbound events. `accept` resolves only after the events (and the
 * cursor, in the same transaction) are durable; only then may the transport acknowledge them
 * to the platform (STYLE rule 10). Duplicates (same transport + dedupeKey) are ignored.
 */
export interface IngressSink {
  accept(events: readonly InboundEvent[], cursor?: IngressCursor): Promise<void>;
  /** Last committed value of a cursor, or undefined. */
  cursor(key: string): string | undefined;
}
