import { FakeSlackServer, type StoredMessage } from '../fakes/slack-server.js';
import { type FakeMessage, TelegramServer } from '../fakes/telegram-server.js';
import type { ChaosEndpoints } from './chaos-config.js';
import { type ChatSpec, type PlannedMessage, SLACK_CHANNELS } from './chaos-plan.js';
import { FaultProxy } from './fault-proxy.js';

export const MAIN_CHAT = -1001000000001;
export const PLAIN_GROUP = -2000;
const TG_USERS = [1001, 1002, 1003, 1004];
/** A member of the main chat who is in no allow list: the main chat lets every member talk. */
const TG_MEMBER = 3001;
const SLACK_USERS = ['U0ALICE', 'U0BOB', 'U0CAROL'];

/** Where a sent message lives on its platform, and the session (chat or thread) it belongs to. */
export type SentRef =
  | { readonly platform: 'telegram'; readonly chatId: number; readonly messageId: number }
  | { readonly platform: 'slack'; readonly channel: string; readonly ts: string; readonly thread?: string };

export interface SentMessage {
  readonly plan: PlannedMessage;
  readonly chat: ChatSpec;
  readonly ref: SentRef;
  /** Epoch ms. */
  readonly sentAt: number;
}

/** `chat:id` for Telegram, `channel:ts` for Slack: what a journal entry's messageRef names. */
export function refKey(ref: SentRef): string {
  return ref.platform === 'telegram'
    ? `telegram:${ref.chatId}:${ref.messageId}`
    : `slack:${ref.channel}:${ref.ts}`;
}

interface ChatAddress {
  readonly platform: 'telegram' | 'slack';
  readonly chatId?: number;
  readonly topic?: number;
  readonly channel?: string;
  /** Slack channel threads: the opener's ts, known once it is sent. */
  thread?: string;
  readonly senders: readonly (number | string)[];
}

/**
 * Both chat platforms of a chaos run: the Telegram and Slack fakes, a fault proxy in front of
 * each one's HTTP API, and the 20 chats with the users who write in them.
 */
export class ChaosWorld {
  readonly #addresses = new Map<string, ChatAddress>();
  #turn = 0;
  #closing: Promise<void> | undefined;

  private constructor(
    readonly telegram: TelegramServer,
    readonly slack: FakeSlackServer,
    readonly telegramProxy: FaultProxy,
    readonly slackProxy: FaultProxy,
  ) {}

  static async start(chats: readonly ChatSpec[]): Promise<ChaosWorld> {
    const telegram = await new TelegramServer().start();
    const slack = await FakeSlackServer.start({ channels: SLACK_CHANNELS });
    // a long poll changes nothing on the platform: cutting it is a clean network fault
    const telegramProxy = await new FaultProxy(telegram.url, (p) => /\/getUpdates$/i.test(p)).start();
    const slackProxy = await new FaultProxy(slack.url).start();
    const world = new ChaosWorld(telegram, slack, telegramProxy, slackProxy);
    world.#setUp(chats);
    return world;
  }

  endpoints(workDir: string, sideDir: string): ChaosEndpoints {
    return {
      telegramToken: this.telegram.token,
      telegramApi: this.telegramProxy.url,
      mainChatId: MAIN_CHAT,
      telegramUsers: TG_USERS,
      plainGroupId: PLAIN_GROUP,
      slack: {
        botToken: this.slack.botToken,
        appToken: this.slack.appToken,
        signingSecret: this.slack.signingSecret,
        apiUrl: `${this.slackProxy.url}/api/`,
        channels: SLACK_CHANNELS,
        users: SLACK_USERS,
      },
      workDir,
      sideDir,
    };
  }

  #setUp(chats: readonly ChatSpec[]): void {
    const tg = this.telegram;
    tg.group(MAIN_CHAT, { title: 'ferry main', forum: true });
    tg.group(PLAIN_GROUP, { title: 'side project', type: 'group' });
    for (const u of TG_USERS) tg.privateChat(u);
    let privateN = 0;
    let dmN = 0;
    for (const c of chats) {
      const name = c.name;
      if (c.kind === 'tg-private') {
        const u = TG_USERS[privateN++ % TG_USERS.length]!;
        this.#addresses.set(name, { platform: 'telegram', chatId: u, senders: [u] });
      } else if (c.kind === 'tg-general') {
        this.#addresses.set(name, {
          platform: 'telegram',
          chatId: MAIN_CHAT,
          senders: [...TG_USERS, TG_MEMBER],
        });
      } else if (c.kind === 'tg-topic') {
        const topic = tg.createTopic(MAIN_CHAT, name, TG_USERS[0]!);
        this.#addresses.set(name, {
          platform: 'telegram',
          chatId: MAIN_CHAT,
          topic,
          senders: [...TG_USERS, TG_MEMBER],
        });
      } else if (c.kind === 'tg-group') {
        this.#addresses.set(name, { platform: 'telegram', chatId: PLAIN_GROUP, senders: TG_USERS });
      } else if (c.kind === 'slack-thread') {
        const channel = SLACK_CHANNELS.find((ch) => name.includes(ch))!;
        this.#addresses.set(name, { platform: 'slack', channel, senders: SLACK_USERS });
      } else {
        const user = SLACK_USERS[dmN++ % SLACK_USERS.length]!;
        this.#addresses.set(name, { platform: 'slack', channel: this.slack.dm(user), senders: [user] });
      }
    }
  }

  /** A user posts the planned message in its chat, now. */
  send(plan: PlannedMessage, chat: ChatSpec): SentMessage {
    const a = this.#addresses.get(chat.name);
    if (!a) throw new Error(`no chat ${chat.name}`);
    const from = a.senders[this.#turn++ % a.senders.length]!;
    const sentAt = Date.now();
    if (a.platform === 'telegram') {
      const m: FakeMessage = this.telegram.userSends(a.chatId!, from as number, plan.text, {
        ...(a.topic !== undefined ? { threadId: a.topic } : {}),
      });
      return {
        plan,
        chat,
        sentAt,
        ref: { platform: 'telegram', chatId: a.chatId!, messageId: m.message_id },
      };
    }
    const dm = chat.kind === 'slack-dm';
    const opener = !dm && a.thread === undefined;
    const text = opener || plan.mention ? this.slack.mention(plan.text) : plan.text;
    const m: StoredMessage = this.slack.say({
      user: from as string,
      channel: a.channel!,
      text,
      ...(a.thread ? { thread_ts: a.thread } : {}),
    });
    if (opener) a.thread = m.ts;
    const thread = dm ? undefined : a.thread;
    return {
      plan,
      chat,
      sentAt,
      ref: { platform: 'slack', channel: a.channel!, ts: m.ts, ...(thread ? { thread } : {}) },
    };
  }

  /** The bot's messages replying to a Telegram message (current text, deleted ones left out). */
  telegramReplies(ref: Extract<SentRef, { platform: 'telegram' }>): FakeMessage[] {
    return this.telegram.repliesTo(ref.chatId, ref.messageId).filter((m) => !m.deleted);
  }

  /** The bot's messages in a Slack session: a thread, or the top level of a DM. */
  slackSession(channel: string, thread: string | undefined): StoredMessage[] {
    return this.slack
      .botMessages({ channel })
      .filter(
        (m) => !m.deleted && (thread === undefined ? m.thread_ts === undefined : m.thread_ts === thread),
      );
  }

  /** Closes the proxies and the fakes; safe to call twice. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled([this.telegramProxy.close(), this.slackProxy.close()]);
      await Promise.allSettled([this.telegram.close(), this.slack.close()]);
    })();
    return this.#closing;
  }
}
