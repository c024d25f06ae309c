import type { Attachment, InboundEvent, MessageRef, Sender } from '@ferry/core';
import type { Message, Update, User } from 'grammy/types';
import { addressOf } from './telegram-target.js';

/** An update as an inbound event, plus what the gate needs to know about where it came from. */
export interface MappedUpdate {
  readonly event: InboundEvent;
  readonly chatType: string;
  readonly userId: string | undefined;
}

/**
 * Maps one update to an event, or to undefined when there is nothing to act on (stickers,
 * service messages, a command addressed to another bot). `now` stamps button presses,
 * which carry no date.
 */
export function mapUpdate(
  update: Update,
  botUsername: string | undefined,
  now: number,
): MappedUpdate | undefined {
  const dedupeKey = String(update.update_id);
  if (update.message) return mapMessage(update.message, dedupeKey, botUsername);
  const q = update.callback_query;
  if (!q?.data || !q.message) return undefined; // game buttons, inline-mode messages
  const chat = addressOf(q.message.chat.id, topicOf(q.message));
  return {
    event: {
      transport: 'telegram',
      dedupeKey,
      kind: 'callback',
      chat,
      sender: senderOf(q.from),
      text: q.data,
      messageRef: { chat, id: String(q.message.message_id) },
      sentAt: now,
    },
    chatType: q.message.chat.type,
    userId: String(q.from.id),
  };
}

function mapMessage(
  m: Message,
  dedupeKey: string,
  botUsername: string | undefined,
): MappedUpdate | undefined {
  const text = m.text ?? m.caption ?? '';
  const attachments = attachmentsOf(m);
  if (text.trim() === '' && attachments.length === 0) return undefined;
  if (forAnotherBot(text, botUsername)) return undefined;
  const chat = addressOf(m.chat.id, topicOf(m));
  const reply = m.reply_to_message;
  // in a forum topic every message "replies" to the topic's creation message (a Telegram quirk)
  const replied = reply && !reply.forum_topic_created ? reply : undefined;
  const replyTo: MessageRef | undefined = replied ? { chat, id: String(replied.message_id) } : undefined;
  const replyText = replied ? (replied.text ?? replied.caption) : undefined;
  return {
    event: {
      transport: 'telegram',
      dedupeKey,
      kind: 'message',
      chat,
      sender: m.from ? senderOf(m.from) : { id: String(m.chat.id) },
      text,
      messageRef: { chat, id: String(m.message_id) },
      ...(replyTo ? { replyTo } : {}),
      ...(replyText ? { replyToText: replyText } : {}),
      ...(attachments.length ? { attachments } : {}),
      sentAt: m.date * 1000,
    },
    chatType: m.chat.type,
    userId: m.from ? String(m.from.id) : undefined,
  };
}

/** Only forum topics are sessions of their own; reply threads in plain groups are not. */
function topicOf(m: Pick<Message, 'is_topic_message' | 'message_thread_id'>): number | undefined {
  return m.is_topic_message && m.message_thread_id !== undefined ? m.message_thread_id : undefined;
}

function senderOf(u: User): Sender {
  const name = [u.first_name, u.last_name].filter(Boolean).join(' ') || u.username;
  return { id: String(u.id), ...(name ? { name } : {}), ...(u.is_bot ? { isBot: true } : {}) };
}

/** In groups, `/cmd@other_bot` is for the other bot. */
function forAnotherBot(text: string, botUsername: string | undefined): boolean {
  const target = /^\/[A-Za-z0-9_]+@([A-Za-z0-9_]+)/.exec(text)?.[1];
  return (
    target !== undefined && botUsername !== undefined && target.toLowerCase() !== botUsername.toLowerCase()
  );
}

function attachmentsOf(m: Message): Attachment[] {
  const out: Attachment[] = [];
  const add = (file: { file_id: string; file_size?: number }, name: string, mimeType?: string) =>
    out.push({
      id: file.file_id,
      name,
      ...(file.file_size !== undefined ? { size: file.file_size } : {}),
      ...(mimeType ? { mimeType } : {}),
    });
  if (m.document) add(m.document, m.document.file_name ?? `document_${m.message_id}`, m.document.mime_type);
  if (m.photo?.length) {
    // Telegram lists sizes smallest first; the last is the original
    const photo = m.photo[m.photo.length - 1]!;
    add(photo, `photo_${m.message_id}.jpg`, 'image/jpeg');
  }
  if (m.audio) add(m.audio, m.audio.file_name ?? `audio_${m.message_id}`, m.audio.mime_type);
  if (m.video) add(m.video, m.video.file_name ?? `video_${m.message_id}.mp4`, m.video.mime_type);
  if (m.voice) add(m.voice, `voice_${m.message_id}.ogg`, m.voice.mime_type);
  return out;
}
