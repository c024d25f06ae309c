import { type ChatAddress, isApprovalButtonData, type PluginContext } from '@ferry/core';
import type { TelegramConfig } from './telegram-config.js';
import type { MappedUpdate } from './update-mapper.js';

/**
 * Who may talk to Ferry (DESIGN §10): the main chat, private chats with allowed users, and
 * chats bound to a project. Read live, so config reloads apply to the next update.
 */
export class ChatGate {
  constructor(
    private readonly config: () => TelegramConfig,
    private readonly ctx: PluginContext,
  ) {}

  allows(update: MappedUpdate): boolean {
    const { chat } = update.event;
    const cfg = this.config();
    if (cfg.chat_id !== undefined && chat.chat === cfg.chat_id) return true;
    if (
      update.chatType === 'private' &&
      update.userId !== undefined &&
      cfg.allowed_user_ids.includes(update.userId)
    ) {
      return true;
    }
    return this.ctx.projectChats().some((p) => matches(p, chat));
  }

  /**
   * Why a button press must change nothing, as the toast the presser sees; undefined when it
   * may go on. An approval decides what an agent may do, so in a group it takes a user in
   * `allowed_user_ids` (when that list is set), not just anyone who may talk in the chat.
   */
  refusesPress(update: MappedUpdate): string | undefined {
    if (!this.allows(update)) return '⛔ You may not use Ferry here.';
    const { allowed_user_ids } = this.config();
    if (
      update.chatType !== 'private' &&
      isApprovalButtonData(update.event.text) &&
      allowed_user_ids.length > 0 &&
      (update.userId === undefined || !allowed_user_ids.includes(update.userId))
    )
      return '⛔ Only allowed users can answer this request.';
    return undefined;
  }
}

/** A project bound to a chat takes all its topics; one bound to a topic takes only that one. */
function matches(project: ChatAddress, chat: ChatAddress): boolean {
  return (
    project.transport === 'telegram' &&
    project.chat === chat.chat &&
    (project.thread === undefined || project.thread === chat.thread)
  );
}
