/*
 * The payloads the fake Slack sends to an app, shaped like Slack's own: Events API callbacks
 * (`message`, `app_mention`), slash commands and `block_actions` interactivity.
 */
import { randomUUID } from 'node:crypto';
import type { FakeChannel, SlackWorkspace, StoredMessage } from './slack-workspace.js';

export type EnvelopeType = 'events_api' | 'slash_commands' | 'interactive';

/** What Slack would deliver once: the Socket Mode envelope type and its payload. */
export interface Delivery {
  readonly type: EnvelopeType;
  readonly payload: Record<string, unknown>;
}

/** The message as it appears inside events and listings. */
export function messageJson(ws: SlackWorkspace, m: StoredMessage): Record<string, unknown> {
  return {
    type: 'message',
    ...(m.files ? { subtype: 'file_share' } : {}),
    user: m.user,
    ...(m.bot_id ? { bot_id: m.bot_id, app_id: ws.appId } : {}),
    text: m.text,
    ts: m.ts,
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.files ? { files: m.files.map((id) => fileJson(ws, id)) } : {}),
    ...(m.edits.length > 0 ? { edited: { user: m.user, ts: m.ts } } : {}),
    team: ws.teamId,
    ...ws.threadInfo(m),
  };
}

export function fileJson(ws: SlackWorkspace, id: string): Record<string, unknown> {
  const f = ws.files.get(id);
  if (!f) return { id, file_access: 'file_not_found' };
  return {
    id: f.id,
    name: f.name,
    title: f.title ?? f.name,
    mimetype: f.mimetype,
    size: f.bytes.length,
    url_private: `${ws.baseUrl}/files-pri/${ws.teamId}-${f.id}/${encodeURIComponent(f.name)}`,
    url_private_download: `${ws.baseUrl}/files-pri/${ws.teamId}-${f.id}/download/${encodeURIComponent(f.name)}`,
  };
}

function channelType(c: FakeChannel | undefined): string {
  return c?.isIm ? 'im' : 'channel';
}

/** An Events API callback around `event`, with a fresh `event_id`. */
export function eventCallback(ws: SlackWorkspace, event: Record<string, unknown>): Delivery {
  return {
    type: 'events_api',
    payload: {
      token: 'verification-token',
      team_id: ws.teamId,
      api_app_id: ws.appId,
      event,
      type: 'event_callback',
      event_id: ws.nextId('Ev'),
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        {
          enterprise_id: null,
          team_id: ws.teamId,
          user_id: ws.botUserId,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
      is_ext_shared_channel: false,
      event_context: randomUUID(),
    },
  };
}

/**
 * What a new message raises: `message`, and for a mention of the bot outside a DM also
 * `app_mention` — same `ts`, different `event_id` (PLATFORMS.md).
 */
export function newMessageDeliveries(ws: SlackWorkspace, m: StoredMessage): Delivery[] {
  const channel = ws.channels.get(m.channel);
  const message = {
    ...messageJson(ws, m),
    channel: m.channel,
    event_ts: m.ts,
    channel_type: channelType(channel),
  };
  const out = [eventCallback(ws, message)];
  if (!channel?.isIm && !m.bot_id && m.text.includes(`<@${ws.botUserId}>`)) {
    const { channel_type: _ignored, subtype: _subtype, ...mention } = message as Record<string, unknown>;
    out.push(eventCallback(ws, { ...mention, type: 'app_mention' }));
  }
  return out;
}

/** The echo of a bot's edit: `message_changed` (PLATFORMS.md: the bot's own edits come back). */
export function changedDelivery(
  ws: SlackWorkspace,
  m: StoredMessage,
  previous: Record<string, unknown>,
): Delivery {
  const channel = ws.channels.get(m.channel);
  return eventCallback(ws, {
    type: 'message',
    subtype: 'message_changed',
    hidden: true,
    channel: m.channel,
    channel_type: channelType(channel),
    ts: ws.nextTs(),
    event_ts: ws.nextTs(),
    message: messageJson(ws, m),
    previous_message: previous,
  });
}

export function deletedDelivery(ws: SlackWorkspace, m: StoredMessage): Delivery {
  const channel = ws.channels.get(m.channel);
  const ts = ws.nextTs();
  return eventCallback(ws, {
    type: 'message',
    subtype: 'message_deleted',
    hidden: true,
    channel: m.channel,
    channel_type: channelType(channel),
    ts,
    event_ts: ts,
    deleted_ts: m.ts,
    previous_message: messageJson(ws, m),
  });
}

export function slashCommand(
  ws: SlackWorkspace,
  o: { user: string; channel: string; command: string; text: string },
): Delivery {
  const channel = ws.channels.get(o.channel);
  return {
    type: 'slash_commands',
    payload: {
      token: 'verification-token',
      team_id: ws.teamId,
      team_domain: 'fake',
      channel_id: o.channel,
      channel_name: channel?.isIm ? 'directmessage' : (channel?.name ?? o.channel),
      user_id: o.user,
      user_name: o.user.toLowerCase(),
      command: o.command,
      text: o.text,
      api_app_id: ws.appId,
      is_enterprise_install: 'false',
      response_url: `${ws.baseUrl}/commands/${randomUUID()}`,
      trigger_id: `${Date.now()}.${randomUUID()}`,
    },
  };
}

export interface ButtonJson {
  readonly action_id: string;
  readonly block_id?: string;
  readonly value?: string;
  readonly text?: { readonly text?: string };
}

/** A click on `button` of the bot's message `m` by `user`. */
export function blockAction(
  ws: SlackWorkspace,
  user: string,
  m: StoredMessage,
  button: ButtonJson,
): Delivery {
  const channel = ws.channels.get(m.channel);
  return {
    type: 'interactive',
    payload: {
      type: 'block_actions',
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: ws.teamId },
      api_app_id: ws.appId,
      token: 'verification-token',
      container: {
        type: 'message',
        message_ts: m.ts,
        channel_id: m.channel,
        is_ephemeral: false,
        ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
      },
      trigger_id: `${Date.now()}.${randomUUID()}`,
      team: { id: ws.teamId, domain: 'fake' },
      enterprise: null,
      is_enterprise_install: false,
      channel: { id: m.channel, name: channel?.name ?? m.channel },
      message: { ...messageJson(ws, m), channel: m.channel },
      state: { values: {} },
      response_url: `${ws.baseUrl}/actions/${randomUUID()}`,
      actions: [
        {
          type: 'button',
          action_id: button.action_id,
          block_id: button.block_id ?? 'b',
          text: { type: 'plain_text', text: button.text?.text ?? '', emoji: true },
          ...(button.value === undefined ? {} : { value: button.value }),
          action_ts: `${Date.now() / 1000}`,
        },
      ],
    },
  };
}
