import type { ChatAddress } from '@ferry/core';
import type { ClassifyContext, Verdict } from './classify-message.js';
import { tsToMs } from './slack-text.js';

/** The fields of a slash-command payload Ferry reads. */
export interface SlashCommandBody {
  readonly channel_id?: string;
  readonly user_id?: string;
  readonly user_name?: string;
  readonly text?: string;
  readonly trigger_id?: string;
}

/** The fields of a `block_actions` payload Ferry reads. */
export interface BlockActionBody {
  readonly user?: { readonly id?: string; readonly name?: string };
  readonly channel?: { readonly id?: string };
  readonly container?: {
    readonly channel_id?: string;
    readonly message_ts?: string;
    readonly thread_ts?: string;
  };
  readonly message?: { readonly ts?: string; readonly thread_ts?: string };
  readonly actions?: readonly {
    readonly value?: string;
    readonly action_ts?: string;
    readonly action_id?: string;
  }[];
}

/**
 * `/ferry <command> args` → an event whose text is `/<command> args`, so it reaches the same
 * CommandRegistry as everywhere (`/ferry` alone is `/help`). A slash command has no message
 * ts; its `trigger_id` is unique per invocation and stays the same on redelivery.
 */
export function classifyCommand(body: SlashCommandBody, c: ClassifyContext, now: number): Verdict {
  const { channel_id: channel, user_id: user, trigger_id: trigger } = body;
  if (!channel || !user || !trigger) return { ignore: 'a slash command without channel, user or trigger' };
  const refusal = c.audience.refusal(channel, user);
  if (refusal) return { ignore: refusal };
  const args = (body.text ?? '').trim();
  const text = args === '' ? '/help' : `/${args.replace(/^[/!]/, '')}`;
  const chat: ChatAddress = { transport: c.transportId, chat: channel };
  return {
    accept: {
      transport: c.transportId,
      dedupeKey: `command:${trigger}`,
      kind: 'message',
      chat,
      sender: { id: user, ...(body.user_name ? { name: body.user_name } : {}) },
      text,
      sentAt: now,
    },
  };
}

/**
 * A button click → a `callback` event carrying the button's value (e.g. the progress
 * message's `cancel:<run>`), in the chat of the message the button sits on.
 */
export function classifyAction(body: BlockActionBody, c: ClassifyContext, now: number): Verdict {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const user = body.user?.id;
  const ts = body.container?.message_ts ?? body.message?.ts;
  const action = body.actions?.[0];
  if (!channel || !user || !ts || action?.value === undefined)
    return { ignore: 'a click without channel, user, message or value' };
  const rawThread = body.container?.thread_ts ?? body.message?.thread_ts;
  const thread = rawThread && rawThread !== ts ? rawThread : undefined;
  const refusal = c.audience.refusal(channel, user, thread);
  if (refusal) return { ignore: refusal };
  const chat: ChatAddress = { transport: c.transportId, chat: channel, ...(thread ? { thread } : {}) };
  return {
    accept: {
      transport: c.transportId,
      dedupeKey: `action:${channel}:${ts}:${action.action_ts ?? action.action_id ?? ''}`,
      kind: 'callback',
      chat,
      sender: { id: user, ...(body.user?.name ? { name: body.user.name } : {}) },
      text: action.value,
      messageRef: { chat, id: ts },
      sentAt: action.action_ts ? tsToMs(action.action_ts) : now,
    },
  };
}
