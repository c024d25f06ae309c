import { ChatAddressError } from '../errors/codes.js';

/** Where a message goes or came from: `transport:chat[:thread]`, e.g. `telegram:-100123:42`. */
export interface ChatAddress {
  readonly transport: string;
  readonly chat: string;
  readonly thread?: string;
}

export function formatChatAddress(a: ChatAddress): string {
  return a.thread === undefined ? `${a.transport}:${a.chat}` : `${a.transport}:${a.chat}:${a.thread}`;
}

/**
 * Parses `transport:chat[:thread]`. The chat part may itself be negative (`-100123`); a Slack
 * thread ts contains a dot but never a colon, so splitting on the first two colons is exact.
 */
export function parseChatAddress(text: string): ChatAddress {
  const parts = text.split(':');
  const [transport, chat, thread, ...rest] = parts;
  if (!transport || !chat || rest.length > 0 || thread === '') {
    throw new ChatAddressError(
      `"${text}" is not a chat address; expected transport:chat[:thread], e.g. telegram:123`,
    );
  }
  return thread === undefined ? { transport, chat } : { transport, chat, thread };
}

/** The session key: one FIFO queue and one resume token per chat or thread. */
export function sessionKeyOf(a: ChatAddress): string {
  return formatChatAddress(a);
}
