import type { ChatAddress } from './chat-address.js';
import type { InboundEvent, MessageRef } from './messages.js';

export interface CommandContext {
  /** Command name without the slash, lower-case. */
  readonly name: string;
  /** Everything after the command name, trimmed. */
  readonly args: string;
  readonly chat: ChatAddress;
  readonly event: InboundEvent;
  /** Sends a reply in the command's chat (threaded on the user's message). */
  reply(text: string): Promise<MessageRef>;
  /** Starts an engine run in this chat as if the user had sent `prompt`. */
  runPrompt(prompt: string, options?: { engine?: string }): Promise<void>;
  readonly signal: AbortSignal;
}

export interface CommandResult {
  /** Text to answer with; omitted when the command replied itself. */
  readonly text?: string;
}

/** A `/command`. Its id is the command name (`^[a-z0-9_]{1,32}$`). */
export interface Command {
  readonly id: string;
  readonly description: string;
  readonly usage?: string;
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that replied itself may simply return nothing
  handle(ctx: CommandContext): Promise<CommandResult | undefined | void>;
}
