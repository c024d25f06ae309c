import type { Attachment, ChatAddress, InboundEvent } from '@ferry/core';
import type { SlackFileJson } from './slack-api.js';
import { isDmChannel, type SlackAudience } from './slack-audience.js';
import { inboundText, tsToMs } from './slack-text.js';

/** A `message` or `app_mention` event, or a message from history (with its channel added). */
export interface SlackMessageEvent {
  readonly type?: string;
  readonly subtype?: string;
  readonly channel?: string;
  readonly channel_type?: string;
  readonly user?: string;
  readonly bot_id?: string;
  readonly text?: string;
  readonly ts?: string;
  readonly thread_ts?: string;
  readonly files?: readonly SlackFileJson[];
  readonly team?: string;
}

export interface ClassifyContext {
  readonly transportId: string;
  readonly botUserId: string;
  readonly audience: SlackAudience;
  /** Whether Ferry is in this thread (a mention started or joined it). */
  readonly inThread: (channel: string, threadTs: string) => boolean;
}

export type Verdict =
  | {
      readonly accept: InboundEvent;
      /** The channel thread this message starts, joins or continues. */
      readonly thread?: { readonly channel: string; readonly ts: string };
    }
  | { readonly ignore: string };

/** Subtypes that are a person writing; every other subtype (edits, deletes, joins, bots) is not. */
const PEOPLE_SUBTYPES = new Set([undefined, 'file_share', 'thread_broadcast', 'me_message']);

/** Written by a person (not an edit, delete, join or bot post). */
export function isPersonMessage(m: SlackMessageEvent): boolean {
  return PEOPLE_SUBTYPES.has(m.subtype) && !m.bot_id && m.user !== undefined;
}

/**
 * Decides what a Slack message means for Ferry (DESIGN §10). A channel thread is one session
 * (`slack:<channel>:<thread_ts>`): a top-level mention starts one (Ferry answers in the
 * thread), a mention inside a thread joins it, and replies in a thread Ferry is in need no
 * mention. In a DM every message counts. The dedupe key is the message identity
 * `channel:ts`, so the `message` and `app_mention` copies and every redelivery run once.
 */
export function classifyMessage(m: SlackMessageEvent, c: ClassifyContext): Verdict {
  if (!PEOPLE_SUBTYPES.has(m.subtype)) return { ignore: `subtype ${m.subtype}` };
  if (m.bot_id || m.user === c.botUserId) return { ignore: 'a bot’s message' };
  if (!m.user || !m.ts || !m.channel) return { ignore: 'no user, ts or channel' };
  const channel = m.channel;
  const dm = m.channel_type === 'im' || isDmChannel(channel);
  const threadTs = m.thread_ts && m.thread_ts !== m.ts ? m.thread_ts : undefined;
  const refusal = c.audience.refusal(channel, m.user, threadTs ?? m.ts);
  if (refusal) return { ignore: refusal };

  const mentioned = m.type === 'app_mention' || (m.text ?? '').includes(`<@${c.botUserId}`);
  let thread: string | undefined;
  if (dm) thread = threadTs;
  else if (threadTs === undefined) {
    if (!mentioned) return { ignore: 'a top-level message without a mention' };
    thread = m.ts;
  } else if (mentioned || c.inThread(channel, threadTs)) thread = threadTs;
  else return { ignore: 'a reply in a thread Ferry is not in' };

  const text = inboundText(m.text ?? '', c.botUserId);
  const attachments = (m.files ?? []).flatMap((f): Attachment[] =>
    f.id
      ? [
          {
            id: f.id,
            name: f.name ?? f.id,
            ...(f.size === undefined ? {} : { size: f.size }),
            ...(f.mimetype ? { mimeType: f.mimetype } : {}),
          },
        ]
      : [],
  );
  if (!text && attachments.length === 0) return { ignore: 'an empty message' };
  const chat: ChatAddress = { transport: c.transportId, chat: channel, ...(thread ? { thread } : {}) };
  const accept: InboundEvent = {
    transport: c.transportId,
    dedupeKey: `${channel}:${m.ts}`,
    kind: 'message',
    chat,
    sender: { id: m.user },
    text,
    messageRef: { chat, id: m.ts },
    ...(attachments.length > 0 ? { attachments } : {}),
    sentAt: tsToMs(m.ts),
    ...(m.team ? { extra: { team: m.team } } : {}),
  };
  return dm || thread === undefined ? { accept } : { accept, thread: { channel, ts: thread } };
}
