import type { TgEntity } from './telegram-html.js';

/*
 * What the fake Telegram remembers: chats, their messages (with edit history), files and
 * callback queries, plus the Bot API JSON shapes it hands out.
 */

export interface TgUser {
  readonly id: number;
  readonly is_bot: boolean;
  readonly first_name: string;
  readonly username?: string;
}

export type ChatType = 'private' | 'group' | 'supergroup';

export interface TgChat {
  readonly id: number;
  readonly type: ChatType;
  readonly title?: string;
  readonly first_name?: string;
  readonly is_forum?: boolean;
}

export interface InlineButton {
  readonly text: string;
  readonly callback_data?: string;
  readonly url?: string;
}

export type Keyboard = readonly (readonly InlineButton[])[];

export interface FileInfo {
  readonly file_id: string;
  readonly file_unique_id: string;
  readonly file_path: string;
  readonly name: string;
  readonly mimeType: string;
  readonly content: Buffer;
}

export interface MessageEdit {
  readonly text: string;
  readonly raw: string;
  readonly at: number;
  readonly markup?: Keyboard;
}

export interface FakeMessage {
  readonly message_id: number;
  readonly chat: TgChat;
  readonly from: TgUser;
  readonly date: number;
  /** Visible text (after parse_mode) or caption. */
  text: string;
  /** What the sender sent before parsing, and how it asked it to be parsed. */
  raw: string;
  parseMode?: string;
  entities: TgEntity[];
  markup?: Keyboard;
  readonly isCaption: boolean;
  readonly threadId?: number;
  readonly replyToId?: number;
  readonly document?: FileInfo;
  readonly photo?: FileInfo;
  readonly topicCreated?: string;
  readonly silent: boolean;
  readonly edits: MessageEdit[];
  deleted: boolean;
  /** Epoch ms when the server stored it. */
  readonly at: number;
}

export interface FakeChat {
  readonly chat: TgChat;
  readonly messages: FakeMessage[];
  readonly topics: Set<number>;
  nextMessageId: number;
}

export interface CallbackQuery {
  readonly id: string;
  readonly from: TgUser;
  readonly message: FakeMessage;
  readonly data: string;
  readonly at: number;
  answered?: { readonly text?: string; readonly show_alert?: boolean; readonly at: number };
}

/** A Bot API error: HTTP status = error_code, as Telegram answers. */
export class ApiFailure extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

export const badRequest = (what: string) => new ApiFailure(400, `Bad Request: ${what}`);

export class FakeState {
  readonly chats = new Map<number, FakeChat>();
  readonly files = new Map<string, FileInfo>();
  readonly queries = new Map<string, CallbackQuery>();
  readonly commands = new Map<string, { command: string; description: string }[]>();
  #fileSeq = 0;

  constructor(readonly bot: TgUser) {}

  chat(id: number, init?: Omit<TgChat, 'id'>): FakeChat {
    let c = this.chats.get(id);
    if (!c) {
      const chat: TgChat = init
        ? { id, ...init }
        : id > 0
          ? { id, type: 'private', first_name: `user${id}` }
          : { id, type: 'supergroup', title: `group ${id}` };
      c = { chat, messages: [], topics: new Set(), nextMessageId: 1 };
      this.chats.set(id, c);
    }
    return c;
  }

  requireChat(chatId: unknown): FakeChat {
    const c = this.chats.get(Number(chatId));
    if (!c) throw badRequest('chat not found');
    return c;
  }

  add(
    c: FakeChat,
    m: Omit<FakeMessage, 'message_id' | 'chat' | 'date' | 'edits' | 'deleted' | 'at'>,
  ): FakeMessage {
    const now = Date.now();
    const msg: FakeMessage = {
      ...m,
      message_id: c.nextMessageId++,
      chat: c.chat,
      date: Math.floor(now / 1000),
      edits: [],
      deleted: false,
      at: now,
    };
    c.messages.push(msg);
    return msg;
  }

  find(chatId: unknown, messageId: unknown): FakeMessage | undefined {
    return this.chats.get(Number(chatId))?.messages.find((m) => m.message_id === Number(messageId));
  }

  storeFile(name: string, content: Buffer, mimeType: string, dir: string): FileInfo {
    const n = ++this.#fileSeq;
    const file: FileInfo = {
      file_id: `FILE${n}-${Math.random().toString(36).slice(2, 10)}`,
      file_unique_id: `U${n}`,
      file_path: `${dir}/file_${n}${extension(name)}`,
      name,
      mimeType,
      content,
    };
    this.files.set(file.file_id, file);
    return file;
  }

  /** The Bot API `Message` object. */
  toApi(m: FakeMessage, withReply = true): Record<string, unknown> {
    const c = this.chats.get(m.chat.id);
    const explicit =
      m.replyToId === undefined ? undefined : c?.messages.find((x) => x.message_id === m.replyToId);
    // Telegram quirk: in a forum topic every message without an explicit reply "replies" to
    // the topic's creation message.
    const reply =
      explicit ??
      (m.threadId !== undefined && m.topicCreated === undefined
        ? c?.messages.find((x) => x.message_id === m.threadId)
        : undefined);
    const text = m.isCaption
      ? {
          ...(m.text ? { caption: m.text } : {}),
          ...(m.entities.length ? { caption_entities: m.entities } : {}),
        }
      : {
          ...(m.topicCreated === undefined ? { text: m.text } : {}),
          ...(m.entities.length ? { entities: m.entities } : {}),
        };
    return {
      message_id: m.message_id,
      from: m.from,
      chat: m.chat,
      date: m.date,
      ...(m.threadId !== undefined ? { message_thread_id: m.threadId, is_topic_message: true } : {}),
      ...(withReply && reply ? { reply_to_message: this.toApi(reply, false) } : {}),
      ...text,
      ...(m.topicCreated !== undefined
        ? { forum_topic_created: { name: m.topicCreated, icon_color: 7322096 } }
        : {}),
      ...(m.document ? { document: fileApi(m.document) } : {}),
      ...(m.photo ? { photo: [photoApi(m.photo, 90), photoApi(m.photo, 1280)] } : {}),
      ...(m.edits.length ? { edit_date: Math.floor(m.edits.at(-1)!.at / 1000) } : {}),
      ...(m.markup ? { reply_markup: { inline_keyboard: m.markup } } : {}),
    };
  }
}

function fileApi(f: FileInfo): Record<string, unknown> {
  return {
    file_id: f.file_id,
    file_unique_id: f.file_unique_id,
    file_size: f.content.length,
    file_name: f.name,
    mime_type: f.mimeType,
  };
}

/** Telegram lists several sizes of one photo, smallest first; the fake serves one file for all. */
function photoApi(f: FileInfo, width: number): Record<string, unknown> {
  return {
    file_id: f.file_id,
    file_unique_id: f.file_unique_id,
    file_size: f.content.length,
    width,
    height: width,
  };
}

function extension(name: string): string {
  const m = /\.[A-Za-z0-9]{1,8}$/.exec(name);
  return m ? m[0] : '';
}
