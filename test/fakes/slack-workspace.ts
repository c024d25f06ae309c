/*
 * The data behind the fake Slack (test/fakes/slack-server.ts): channels, messages, files and
 * the `ts` clock. Semantics follow /work/shared/PLATFORMS.md § Slack: `ts` is unique per
 * workspace and increasing, history is newest first and holds only top-level messages (thread
 * parents carry `reply_count`/`latest_reply`), replies list the parent first.
 */

export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  /** A direct message between the bot and `user`. */
  readonly isIm: boolean;
  readonly user?: string;
  /** chat.postMessage into a channel the bot is not in fails with `not_in_channel`. */
  botMember: boolean;
}

export interface FakeFile {
  readonly id: string;
  readonly name: string;
  readonly mimetype: string;
  bytes: Buffer;
  readonly title?: string;
}

export interface MessageVersion {
  readonly text: string;
  readonly blocks?: readonly unknown[];
}

export interface StoredMessage {
  readonly channel: string;
  readonly ts: string;
  readonly thread_ts?: string;
  /** A person's id, or the bot's user id for the bot's posts. */
  readonly user: string;
  readonly bot_id?: string;
  text: string;
  blocks?: readonly unknown[];
  readonly files?: readonly string[];
  /** Every version after the first, oldest first (chat.update calls). */
  readonly edits: MessageVersion[];
  deleted: boolean;
}

/** Page of a listing: the items and where the next page starts. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor?: string;
}

export interface RangeOptions {
  readonly oldest?: string;
  readonly latest?: string;
  readonly inclusive?: boolean;
  readonly limit?: number;
  readonly cursor?: string;
}

/** `1712345678.000100` → an integer that orders like the ts (6 decimals, exact in a double). */
export function tsKey(ts: string): number {
  const [sec = '0', frac = ''] = ts.split('.');
  return Number(sec) * 1_000_000 + Number(frac.padEnd(6, '0').slice(0, 6));
}

export class SlackWorkspace {
  readonly teamId = 'T0FAKE';
  readonly appId = 'A0FAKE';
  readonly botUserId = 'U0BOT';
  readonly botId = 'B0BOT';
  /** `http://127.0.0.1:PORT`, set once the server listens; file URLs and response URLs hang off it. */
  baseUrl = '';
  readonly channels = new Map<string, FakeChannel>();
  readonly messages: StoredMessage[] = [];
  readonly files = new Map<string, FakeFile>();
  #lastMicros = 0;
  #ids = 0;

  /** A fresh, increasing `ts` (microseconds of wall time, bumped when two fall in one µs). */
  nextTs(): string {
    this.#lastMicros = Math.max(Date.now() * 1000, this.#lastMicros + 1);
    const sec = Math.floor(this.#lastMicros / 1_000_000);
    return `${sec}.${String(this.#lastMicros % 1_000_000).padStart(6, '0')}`;
  }

  /** A short unique id with a Slack-like prefix (`F…`, `Ev…`). */
  nextId(prefix: string): string {
    return `${prefix}${String(++this.#ids).padStart(8, '0')}`;
  }

  addChannel(id: string, options: { name?: string; botMember?: boolean } = {}): FakeChannel {
    const channel: FakeChannel = {
      id,
      name: options.name ?? id.toLowerCase(),
      isIm: false,
      botMember: options.botMember ?? true,
    };
    this.channels.set(id, channel);
    return channel;
  }

  /** The DM channel between the bot and `user`, created on first use. */
  dmWith(user: string): FakeChannel {
    for (const c of this.channels.values()) if (c.isIm && c.user === user) return c;
    const channel: FakeChannel = {
      id: `D${user.replace(/^U/, '')}`,
      name: user,
      isIm: true,
      user,
      botMember: true,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  add(message: Omit<StoredMessage, 'edits' | 'deleted'>): StoredMessage {
    const stored: StoredMessage = { ...message, edits: [], deleted: false };
    this.messages.push(stored);
    return stored;
  }

  find(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.find((m) => m.channel === channel && m.ts === ts && !m.deleted);
  }

  /** Top-level messages, newest first (conversations.history). */
  history(channel: string, range: RangeOptions): Page<StoredMessage> {
    const top = this.messages.filter(
      (m) => m.channel === channel && !m.deleted && (m.thread_ts === undefined || m.thread_ts === m.ts),
    );
    return page(inRange(top, range).reverse(), range);
  }

  /** A thread, parent first then replies oldest first (conversations.replies). */
  replies(channel: string, ts: string, range: RangeOptions): Page<StoredMessage> | undefined {
    const parent = this.find(channel, ts);
    if (!parent) return undefined;
    const root = parent.thread_ts ?? parent.ts;
    const thread = this.messages.filter(
      (m) => m.channel === channel && !m.deleted && (m.ts === root || m.thread_ts === root),
    );
    const head = thread.filter((m) => m.ts === root);
    const rest = inRange(
      thread.filter((m) => m.ts !== root),
      range,
    );
    // Slack lists the parent first, whatever the range says
    return page([...head, ...rest], range);
  }

  /** `reply_count`/`latest_reply`/`reply_users` of a thread parent, as history shows them. */
  threadInfo(message: StoredMessage): Record<string, unknown> {
    const replies = this.messages.filter(
      (m) => m.channel === message.channel && !m.deleted && m.thread_ts === message.ts && m.ts !== message.ts,
    );
    if (replies.length === 0) return {};
    return {
      thread_ts: message.ts,
      reply_count: replies.length,
      latest_reply: replies.at(-1)!.ts,
      reply_users: [...new Set(replies.map((r) => r.user))],
    };
  }
}

function inRange(messages: StoredMessage[], range: RangeOptions): StoredMessage[] {
  const oldest = range.oldest === undefined ? -Infinity : tsKey(range.oldest);
  const latest = range.latest === undefined ? Infinity : tsKey(range.latest);
  return messages.filter((m) => {
    const k = tsKey(m.ts);
    return range.inclusive ? k >= oldest && k <= latest : k > oldest && k < latest;
  });
}

/** Cursor = offset into the listing, opaque to clients like Slack's. */
function page<T>(items: T[], range: RangeOptions): Page<T> {
  const limit = Math.min(Math.max(range.limit ?? 100, 1), 999);
  const offset = range.cursor
    ? Number(Buffer.from(range.cursor, 'base64url').toString('utf8').replace('offset:', ''))
    : 0;
  const slice = items.slice(offset, offset + limit);
  const next =
    offset + limit < items.length ? Buffer.from(`offset:${offset + limit}`).toString('base64url') : undefined;
  return next === undefined ? { items: slice } : { items: slice, nextCursor: next };
}
