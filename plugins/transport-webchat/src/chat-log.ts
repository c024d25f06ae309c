import type { Button, PluginStore } from '@ferry/core';
import { WebchatMessageNotFoundError } from './webchat-errors.js';

/** One message of a chat as the page shows it now; `seq` is the SSE event id of its last change. */
export interface LogRecord {
  /** `b<N>` for messages the host sent, the page's own id for the user's. */
  readonly id: string;
  readonly role: 'bot' | 'user';
  /** Position in the chat: the seq it got when first written. */
  readonly order: number;
  readonly seq: number;
  readonly text: string;
  readonly replyTo?: string;
  readonly buttons?: readonly (readonly Button[])[];
  readonly deleted?: true;
  /** Epoch ms of the first write. */
  readonly at: number;
}

export interface NewMessage {
  readonly role: 'bot' | 'user';
  /** Given for the user's messages (the page's id); bot messages get `b<seq>`. */
  readonly id?: string;
  readonly text: string;
  readonly replyTo?: string;
  readonly buttons?: readonly (readonly Button[])[];
}

const SEQ_KEY = 'seq';

/**
 * The durable per-chat log behind the page, in the plugin store (the host's SQLite database;
 * each `set` is on disk when it returns). It is compacted by message: an edit rewrites the
 * message's record with a new seq instead of appending, so a page that reconnects with
 * `Last-Event-ID: n` gets every message changed after n — once, in its latest form — and the
 * log stays as small as the chat. Deletions stay as tombstones so such a page learns of them.
 * One seq counter serves all chats, so ids never repeat, also across restarts.
 */
export class ChatLog {
  readonly #chats = new Map<string, Map<string, LogRecord>>();
  #seq: number | undefined;

  constructor(
    private readonly store: PluginStore,
    private readonly history: number,
  ) {}

  /** Writes a new message; a user message already logged (a retried POST) is returned as it is. */
  append(chat: string, msg: NewMessage, now: number): LogRecord {
    const records = this.#load(chat);
    if (msg.id !== undefined) {
      const existing = records.get(msg.id);
      if (existing) return existing;
    }
    const seq = this.#next();
    const record: LogRecord = {
      id: msg.id ?? `b${seq}`,
      role: msg.role,
      order: seq,
      seq,
      text: msg.text,
      at: now,
      ...(msg.replyTo === undefined ? {} : { replyTo: msg.replyTo }),
      ...(msg.buttons?.length ? { buttons: msg.buttons } : {}),
    };
    this.#put(chat, record);
    this.#trim(chat, records);
    return record;
  }

  /** Replaces text and buttons (none given = none shown, as on the other platforms). */
  edit(chat: string, id: string, text: string, buttons?: readonly (readonly Button[])[]): LogRecord {
    const old = this.#existing(chat, id);
    const { buttons: _dropped, ...rest } = old;
    const record: LogRecord = { ...rest, seq: this.#next(), text, ...(buttons?.length ? { buttons } : {}) };
    this.#put(chat, record);
    return record;
  }

  delete(chat: string, id: string): LogRecord {
    const old = this.#existing(chat, id);
    const record: LogRecord = {
      id: old.id,
      role: old.role,
      order: old.order,
      seq: this.#next(),
      text: '',
      at: old.at,
      deleted: true,
    };
    this.#put(chat, record);
    return record;
  }

  /** The newest seq written, in any chat. */
  get head(): number {
    return this.#seq ?? this.store.get<number>(SEQ_KEY) ?? 0;
  }

  get(chat: string, id: string): LogRecord | undefined {
    return this.#load(chat).get(id);
  }

  /** Every message of the chat changed after `seq`, in the order of the changes. */
  since(chat: string, seq: number): LogRecord[] {
    return [...this.#load(chat).values()].filter((r) => r.seq > seq).sort((a, b) => a.seq - b.seq);
  }

  #existing(chat: string, id: string): LogRecord {
    const record = this.#load(chat).get(id);
    if (!record || record.deleted) {
      throw new WebchatMessageNotFoundError(
        `webchat:${chat} has no message ${id} (never sent, deleted, or older than the last ${this.history} kept)`,
      );
    }
    return record;
  }

  #put(chat: string, record: LogRecord): void {
    this.store.set(key(chat, record.id), record);
    this.#load(chat).set(record.id, record);
  }

  #trim(chat: string, records: Map<string, LogRecord>): void {
    if (records.size <= this.history) return;
    const oldest = [...records.values()].sort((a, b) => a.order - b.order);
    for (const r of oldest.slice(0, records.size - this.history)) {
      this.store.delete(key(chat, r.id));
      records.delete(r.id);
    }
  }

  #next(): number {
    // the counter is written before the record that uses it: a crash between the two leaves a gap, never a reuse
    const seq = (this.#seq ?? this.store.get<number>(SEQ_KEY) ?? 0) + 1;
    this.store.set(SEQ_KEY, seq);
    this.#seq = seq;
    return seq;
  }

  #load(chat: string): Map<string, LogRecord> {
    let records = this.#chats.get(chat);
    if (!records) {
      records = new Map();
      for (const k of this.store.keys(`m:${chat}:`)) {
        const r = this.store.get<LogRecord>(k);
        if (r) records.set(r.id, r);
      }
      this.#chats.set(chat, records);
    }
    return records;
  }
}

/** Chat and message ids contain no `:`, so the prefix `m:<chat>:` is exact. */
function key(chat: string, id: string): string {
  return `m:${chat}:${id}`;
}
