import type { MessageRef, OutgoingMessage } from '@ferry/core';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { messageIdOf } from './telegram-target.js';

/*
 * Pieces of Bot API payloads built from Ferry's message shapes.
 */

export function replyOf(ref: MessageRef | undefined) {
  // allow_sending_without_reply: an answer whose question was deleted must still arrive
  return ref ? { reply_parameters: { message_id: messageIdOf(ref), allow_sending_without_reply: true } } : {};
}

export function keyboardOf(msg: OutgoingMessage): InlineKeyboardMarkup | undefined {
  const rows = (msg.buttons ?? [])
    .map((row) =>
      row
        // Telegram takes 1–64 bytes of callback data; a longer button could not work anyway
        .filter((b) => b.text !== '' && Buffer.byteLength(b.data) >= 1 && Buffer.byteLength(b.data) <= 64)
        .map((b) => ({ text: b.text, callback_data: b.data })),
    )
    .filter((row) => row.length > 0);
  return rows.length ? { inline_keyboard: rows } : undefined;
}
