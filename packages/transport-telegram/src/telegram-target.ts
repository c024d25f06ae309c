import { type ChatAddress, formatChatAddress, type MessageRef } from '@ferry/core';
import { TelegramChatAddressError } from './telegram-errors.js';

/** Where a Bot API request goes: the chat, and the forum topic when there is one. */
export interface TelegramTarget {
  readonly chat_id: number | string;
  readonly message_thread_id?: number;
}

const NUMERIC = /^-?\d+$/;

/** `telegram:<chat>[:<topic>]` → Bot API fields. A chat may also be a `@channelusername`. */
export function targetOf(address: ChatAddress): TelegramTarget {
  const { chat, thread } = address;
  if (!NUMERIC.test(chat) && !/^@\w{4,}$/.test(chat)) {
    throw new TelegramChatAddressError(
      `${formatChatAddress(address)} is not a Telegram chat; expected telegram:<chat id>[:<topic id>]`,
    );
  }
  if (thread !== undefined && !NUMERIC.test(thread)) {
    throw new TelegramChatAddressError(
      `${formatChatAddress(address)}: the topic must be a message_thread_id`,
    );
  }
  return {
    chat_id: NUMERIC.test(chat) ? Number(chat) : chat,
    ...(thread !== undefined ? { message_thread_id: Number(thread) } : {}),
  };
}

export function messageIdOf(ref: MessageRef): number {
  if (!NUMERIC.test(ref.id)) throw new TelegramChatAddressError(`"${ref.id}" is not a Telegram message id`);
  return Number(ref.id);
}

/** Private chats have the user's (positive) id; groups and channels negative ones. */
export function isPrivateChat(chatId: number | string): boolean {
  return typeof chatId === 'number' ? chatId > 0 : NUMERIC.test(chatId) && Number(chatId) > 0;
}

/** A chat address for a Telegram chat; a forum topic is a session of its own. */
export function addressOf(chatId: number, topicId?: number): ChatAddress {
  return topicId === undefined
    ? { transport: 'telegram', chat: String(chatId) }
    : { transport: 'telegram', chat: String(chatId), thread: String(topicId) };
}
