import {
  ApiFailure,
  badRequest,
  type FakeChat,
  type FakeMessage,
  type FakeState,
  type Keyboard,
} from './telegram-fake-state.js';
import { EntityParseError, type ParsedText, parseHtml, parseMarkdownV2 } from './telegram-html.js';
import type { UploadedFile } from './telegram-request.js';

type Params = Record<string, unknown>;
export type MethodHandler = (params: Params, files: Map<string, UploadedFile>) => unknown;

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const COMMAND_PATTERN = /^[a-z0-9_]{1,32}$/;

export interface MethodOptions {
  /** How long a callback query can still be answered. */
  readonly callbackTtlMs: () => number;
}

/**
 * The Bot API methods the fake serves (besides getUpdates, which the server owns because it
 * waits), with the error texts Telegram uses. Keys are lower case: names are case-insensitive.
 */
export function botMethods(state: FakeState, options: MethodOptions): Map<string, MethodHandler> {
  const methods: Record<string, MethodHandler> = {
    getMe: () => ({ ...state.bot, can_join_groups: true, can_read_all_group_messages: false }),
    sendMessage: (p) => {
      const c = state.requireChat(p.chat_id);
      const threadId = topicOf(c, p.message_thread_id);
      const parsed = parse(p.text, p.parse_mode, TEXT_LIMIT, 'message text is empty', 'message is too long');
      const replyToId = replyTarget(c, p);
      const msg = state.add(c, {
        from: state.bot,
        text: parsed.text,
        raw: String(p.text ?? ''),
        ...(p.parse_mode ? { parseMode: String(p.parse_mode) } : {}),
        entities: parsed.entities,
        isCaption: false,
        silent: p.disable_notification === true || p.disable_notification === 'true',
        ...(threadId !== undefined ? { threadId } : {}),
        ...(replyToId !== undefined ? { replyToId } : {}),
        ...markupOf(p.reply_markup),
      });
      return state.toApi(msg);
    },
    editMessageText: (p) => {
      if (p.inline_message_id !== undefined)
        throw badRequest('inline messages are not supported by the fake');
      const msg = state.find(p.chat_id, p.message_id);
      if (!msg || msg.deleted) throw badRequest('message to edit not found');
      if (msg.from.id !== state.bot.id) throw badRequest("message can't be edited");
      if (msg.isCaption) throw badRequest('there is no text in the message to edit');
      const parsed = parse(p.text, p.parse_mode, TEXT_LIMIT, 'message text is empty', 'message is too long');
      const markup = markupOf(p.reply_markup).markup;
      if (
        parsed.text === msg.text &&
        JSON.stringify(parsed.entities) === JSON.stringify(msg.entities) &&
        JSON.stringify(markup) === JSON.stringify(msg.markup)
      ) {
        throw badRequest(
          'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      }
      msg.text = parsed.text;
      msg.raw = String(p.text);
      msg.entities = parsed.entities;
      if (p.parse_mode) msg.parseMode = String(p.parse_mode);
      else delete msg.parseMode;
      // omitting reply_markup removes the keyboard
      msg.markup = markup;
      msg.edits.push({ text: parsed.text, raw: msg.raw, at: Date.now(), ...(markup ? { markup } : {}) });
      return state.toApi(msg);
    },
    deleteMessage: (p) => {
      const msg = state.find(p.chat_id, p.message_id);
      if (!msg || msg.deleted) throw badRequest('message to delete not found');
      msg.deleted = true;
      return true;
    },
    answerCallbackQuery: (p) => {
      const q = state.queries.get(String(p.callback_query_id));
      if (!q || q.answered || Date.now() - q.at > options.callbackTtlMs()) {
        throw badRequest('query is too old and response timeout expired or query ID is invalid');
      }
      q.answered = {
        ...(p.text !== undefined ? { text: String(p.text) } : {}),
        ...(p.show_alert !== undefined
          ? { show_alert: p.show_alert === true || p.show_alert === 'true' }
          : {}),
        at: Date.now(),
      };
      return true;
    },
    setMyCommands: (p) => {
      const commands = p.commands;
      if (!Array.isArray(commands)) throw badRequest('field "commands" must be an Array');
      if (commands.length > 100) throw badRequest('BOT_COMMANDS_TOO_MUCH');
      const list = commands.map((c: unknown) => {
        const { command, description } = (c ?? {}) as { command?: unknown; description?: unknown };
        if (typeof command !== 'string' || !COMMAND_PATTERN.test(command))
          throw badRequest('BOT_COMMAND_INVALID');
        if (typeof description !== 'string' || description.length < 1 || description.length > 256) {
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        }
        return { command, description };
      });
      state.commands.set(scopeKey(p), list);
      return true;
    },
    getMyCommands: (p) => state.commands.get(scopeKey(p)) ?? [],
    deleteMyCommands: (p) => state.commands.delete(scopeKey(p)) || true,
    sendChatAction: (p) => {
      state.requireChat(p.chat_id);
      return true;
    },
    getFile: (p) => {
      const f = state.files.get(String(p.file_id));
      if (!f) throw badRequest('invalid file_id');
      return {
        file_id: f.file_id,
        file_unique_id: f.file_unique_id,
        file_size: f.content.length,
        file_path: f.file_path,
      };
    },
    sendDocument: (p, files) => {
      const c = state.requireChat(p.chat_id);
      const threadId = topicOf(c, p.message_thread_id);
      const upload = files.get('document');
      const existing = typeof p.document === 'string' ? state.files.get(p.document) : undefined;
      const document =
        existing ??
        (upload
          ? state.storeFile(upload.filename, upload.content, upload.contentType, 'documents')
          : undefined);
      if (!document) throw badRequest('there is no document in the request');
      const caption =
        p.caption === undefined
          ? { text: '', entities: [] }
          : parse(p.caption, p.parse_mode, CAPTION_LIMIT, undefined, 'message caption is too long');
      const replyToId = replyTarget(c, p);
      const msg = state.add(c, {
        from: state.bot,
        text: caption.text,
        raw: String(p.caption ?? ''),
        entities: caption.entities,
        isCaption: true,
        document,
        silent: p.disable_notification === true,
        ...(threadId !== undefined ? { threadId } : {}),
        ...(replyToId !== undefined ? { replyToId } : {}),
        ...markupOf(p.reply_markup),
      });
      return state.toApi(msg);
    },
  };
  return new Map(Object.entries(methods).map(([k, v]) => [k.toLowerCase(), v]));
}

function parse(
  value: unknown,
  mode: unknown,
  limit: number,
  emptyError: string | undefined,
  longError: string,
): ParsedText {
  const source = value === undefined || value === null ? '' : String(value);
  let parsed: ParsedText;
  try {
    parsed =
      mode === 'HTML'
        ? parseHtml(source)
        : mode === 'MarkdownV2'
          ? parseMarkdownV2(source)
          : { text: source, entities: [] };
  } catch (err) {
    if (err instanceof EntityParseError) throw badRequest(err.message);
    throw err;
  }
  if (mode !== undefined && mode !== 'HTML' && mode !== 'MarkdownV2' && mode !== 'Markdown') {
    throw badRequest(`unsupported parse_mode`);
  }
  // Telegram trims the text; whitespace alone is empty
  const text = parsed.text.trim() === '' ? '' : parsed.text;
  if (text === '' && emptyError) throw badRequest(emptyError);
  if (text.length > limit) throw badRequest(longError);
  return { text, entities: parsed.entities };
}

function topicOf(c: FakeChat, threadId: unknown): number | undefined {
  if (threadId === undefined || threadId === null) return undefined;
  const id = Number(threadId);
  if (!c.topics.has(id)) throw badRequest('message thread not found');
  return id;
}

function replyTarget(c: FakeChat, p: Params): number | undefined {
  const params = (p.reply_parameters ?? {}) as {
    message_id?: unknown;
    allow_sending_without_reply?: unknown;
  };
  const raw = params.message_id ?? p.reply_to_message_id;
  if (raw === undefined) return undefined;
  const id = Number(raw);
  const target: FakeMessage | undefined = c.messages.find((m) => m.message_id === id && !m.deleted);
  if (target) return id;
  if (params.allow_sending_without_reply === true || p.allow_sending_without_reply === true) return undefined;
  throw badRequest('message to be replied not found');
}

function markupOf(raw: unknown): { markup?: Keyboard } {
  if (raw === undefined || raw === null) return {};
  const keyboard = (raw as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(keyboard)) throw badRequest("can't parse reply keyboard markup JSON object");
  for (const row of keyboard) {
    if (!Array.isArray(row)) throw badRequest('field "inline_keyboard" must be an Array of Arrays');
    for (const b of row as { text?: unknown; callback_data?: unknown; url?: unknown }[]) {
      if (typeof b.text !== 'string' || b.text === '') throw badRequest('BUTTON_TEXT_INVALID');
      if (b.callback_data !== undefined) {
        const bytes = Buffer.byteLength(String(b.callback_data));
        if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID');
      } else if (b.url === undefined) {
        throw badRequest('can\'t find field "callback_data" or "url" in the button');
      }
    }
  }
  return keyboard.length ? { markup: keyboard as Keyboard } : {};
}

function scopeKey(p: Params): string {
  const scope = (p.scope ?? {}) as { type?: string; chat_id?: unknown };
  return `${scope.type ?? 'default'}:${scope.chat_id ?? ''}:${p.language_code ?? ''}`;
}

export { ApiFailure };
