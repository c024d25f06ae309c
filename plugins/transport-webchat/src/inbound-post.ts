import type { InboundEvent } from '@ferry/core';
import { z } from 'zod';
import { CHAT_ID_PATTERN } from './webchat-config.js';
import { WebchatBadRequestError } from './webchat-errors.js';

/** Longest text the page may send; the rest of Ferry has no reason to take novels from a form. */
export const MAX_INBOUND_TEXT = 32_000;

const id = z.string().regex(CHAT_ID_PATTERN, 'letters, digits, _ and -, at most 64');

/**
 * `POST /api/messages`. `id` is made by the page once per message and sent again on every
 * retry: it is the dedupe key, so a retry after a lost response is never a second run.
 */
const inboundPostSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('message'),
      chat: id,
      id,
      text: z.string().trim().min(1).max(MAX_INBOUND_TEXT),
      /** When the user pressed send (epoch ms): a message queued while Ferry was down is late. */
      sentAt: z.number().int().nonnegative().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('callback'),
      chat: id,
      id,
      /** The pressed button's data, echoed as the event's text (e.g. `cancel:7`). */
      data: z.string().min(1).max(256),
      /** The message that carried the button. */
      ref: id,
      sentAt: z.number().int().nonnegative().optional(),
    })
    .strict(),
]);

export type InboundPost = z.output<typeof inboundPostSchema>;

export function parseInboundPost(body: unknown): InboundPost {
  const parsed = inboundPostSchema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`);
    throw new WebchatBadRequestError(`not a webchat message: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** The event the host journals; `now` caps the page's clock, which may run ahead of ours. */
export function toInboundEvent(transport: string, post: InboundPost, now: number): InboundEvent {
  const chat = { transport, chat: post.chat };
  const sentAt = Math.min(post.sentAt ?? now, now);
  const base = {
    transport,
    // scoped by chat: one page cannot shadow another chat's message by reusing its id
    dedupeKey: `${post.chat}:${post.id}`,
    chat,
    sender: { id: 'webchat', name: 'webchat' },
    sentAt,
  };
  return post.kind === 'message'
    ? { ...base, kind: 'message', text: post.text, messageRef: { chat, id: post.id } }
    : { ...base, kind: 'callback', text: post.data, messageRef: { chat, id: post.ref } };
}
