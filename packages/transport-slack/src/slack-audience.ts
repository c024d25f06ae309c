import type { ChatAddress } from '@ferry/core';
import type { SlackConfig } from './slack-config.js';

/** Direct-message channel ids start with D (PLATFORMS.md; `channel_type: "im"` says the same). */
export function isDmChannel(channel: string): boolean {
  return channel.startsWith('D');
}

/**
 * Who may talk to Ferry on Slack (DESIGN §10): channels in `channel_ids` and chats bound to a
 * project; DMs from users in `allowed_user_ids` (or a DM bound to a project). When
 * `allowed_user_ids` is set, only those users count anywhere — button clicks included.
 * Read live from the config and the host's project list.
 */
export class SlackAudience {
  constructor(
    private readonly config: () => SlackConfig,
    private readonly projectChats: () => readonly ChatAddress[],
    private readonly transportId: string,
  ) {}

  /** Why `user` may not talk in `channel` (thread `thread`), or undefined when they may. */
  refusal(channel: string, user: string, thread?: string): string | undefined {
    const { channel_ids, allowed_user_ids } = this.config();
    const listed = allowed_user_ids.includes(user);
    if (allowed_user_ids.length > 0 && !listed) return `user ${user} is not in allowed_user_ids`;
    const project = this.#projectChat(channel, thread);
    if (isDmChannel(channel))
      return listed || project ? undefined : `DM from ${user}, who is not in allowed_user_ids`;
    if (channel_ids.includes(channel) || project) return undefined;
    return `channel ${channel} is not in channel_ids`;
  }

  /** Channels whose history is caught up after downtime: configured and project channels. */
  channels(): string[] {
    const project = this.projectChats()
      .filter((c) => c.transport === this.transportId)
      .map((c) => c.chat);
    return [...new Set([...this.config().channel_ids, ...project])];
  }

  #projectChat(channel: string, thread: string | undefined): boolean {
    return this.projectChats().some(
      (c) =>
        c.transport === this.transportId &&
        c.chat === channel &&
        (c.thread === undefined || c.thread === thread),
    );
  }
}
