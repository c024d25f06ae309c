import type { ChatAddress } from '../api/chat-address.js';
import type {
  ChatCommandContext,
  CommandMessageOptions,
  EngineAnswer,
  RunEngineOptions,
} from '../api/command.js';
import type { InboundEvent, MessageRef, OutgoingMessage } from '../api/messages.js';
import type { TransportCapabilities } from '../api/transport.js';
import type { Route } from '../runs/project-router.js';
import { encodeButtons } from './command-button-data.js';

/** What command contexts need from the transports (the TransportHub, or one transport in tests). */
export interface CommandChatOps {
  send(chat: ChatAddress, msg: OutgoingMessage): Promise<MessageRef>;
  edit(ref: MessageRef, msg: OutgoingMessage): Promise<void>;
  delete(ref: MessageRef): Promise<void>;
  capabilities(chat: ChatAddress): TransportCapabilities;
}

/** How `runEngine` is carried out; returns the answer only for `capture`. */
export type RunEngineFn = (prompt: string, options?: RunEngineOptions) => Promise<EngineAnswer | undefined>;

export interface ChatContextSeed {
  /** The command that owns the buttons sent through this context. */
  readonly commandId: string;
  readonly event: InboundEvent;
  readonly route: Route;
  /** What `reply` threads on: the user's message, or the message a pressed button was on. */
  readonly replyTo?: MessageRef;
  readonly signal: AbortSignal;
  readonly runEngine: RunEngineFn;
}

/**
 * The part of a command's context that commands and button presses share. Buttons are
 * namespaced here, before anything is sent, so a payload that cannot fit fails the command
 * instead of becoming a button that silently does nothing.
 */
export function chatCommandContext(ops: CommandChatOps, seed: ChatContextSeed): ChatCommandContext {
  const { event, commandId, route } = seed;
  const message = (text: string, options: CommandMessageOptions | undefined): OutgoingMessage => {
    const buttons = encodeButtons(commandId, options?.buttons);
    return { text, ...(buttons ? { buttons } : {}) };
  };
  return {
    chat: event.chat,
    sender: event.sender,
    event,
    cwd: route.cwd,
    engine: route.engine,
    ...(route.project ? { project: route.project } : {}),
    capabilities: ops.capabilities(event.chat),
    signal: seed.signal,
    reply: (text, options) =>
      ops.send(event.chat, { ...message(text, options), ...(seed.replyTo ? { replyTo: seed.replyTo } : {}) }),
    edit: async (ref, text, options) => {
      const msg = message(text, options);
      if (!ops.capabilities(ref.chat).edit) return ops.send(ref.chat, msg);
      await ops.edit(ref, msg);
      return ref;
    },
    delete: async (ref) => {
      if (ops.capabilities(ref.chat).delete) await ops.delete(ref);
    },
    // one implementation behind both overloads: the answer comes back only with `capture`
    runEngine: seed.runEngine as ChatCommandContext['runEngine'],
  };
}
