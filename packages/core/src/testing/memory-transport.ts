import { randomUUID } from 'node:crypto';
import type { ChatAddress } from '../api/chat-address.js';
import type { InboundEvent, IngressSink, MessageRef, OutgoingMessage } from '../api/messages.js';
import type { CommandInfo, Transport, TransportCapabilities } from '../api/transport.js';

export interface RecordedMessage {
  readonly ref: MessageRef;
  text: string;
  readonly replyTo?: MessageRef;
  buttons?: OutgoingMessage['buttons'];
  deleted: boolean;
  readonly edits: string[];
}

/**
 * A transport that lives in memory: tests (and plugin authors' tests) push inbound text with
 * `receive` and read what the host sent in `messages`. It keeps the contract a real transport
 * keeps: `receive` resolves only after the host's ingress has made the event durable.
 */
export class MemoryTransport implements Transport {
  readonly capabilities: TransportCapabilities;
  readonly messages: RecordedMessage[] = [];
  commands: readonly CommandInfo[] = [];
  #ingress: IngressSink | undefined;
  #nextId = 1;
  readonly #listeners = new Set<() => void>();

  constructor(
    readonly id = 'memory',
    capabilities: Partial<TransportCapabilities> = {},
  ) {
    this.capabilities = {
      edit: true,
      delete: true,
      buttons: true,
      maxTextLength: 4096,
      minEditIntervalMs: 0,
      ...capabilities,
    };
  }

  async start(ingress: IngressSink): Promise<void> {
    this.#ingress = ingress;
  }

  async stop(): Promise<void> {
    this.#ingress = undefined;
  }

  /** Delivers a user's message; resolves once it is journaled. */
  async receive(
    text: string,
    options: Partial<InboundEvent> & { chat?: ChatAddress } = {},
  ): Promise<InboundEvent> {
    if (!this.#ingress) throw new Error(`transport ${this.id} is not started`);
    const chat = options.chat ?? { transport: this.id, chat: 'c1' };
    const id = String(this.#nextId++);
    const event: InboundEvent = {
      transport: this.id,
      dedupeKey: options.dedupeKey ?? randomUUID(),
      kind: options.kind ?? 'message',
      chat,
      sender: options.sender ?? { id: 'u1', name: 'user' },
      text,
      messageRef: options.messageRef ?? { chat, id: `in-${id}` },
      sentAt: options.sentAt ?? Date.now(),
      ...(options.replyTo ? { replyTo: options.replyTo } : {}),
      ...(options.replyToText ? { replyToText: options.replyToText } : {}),
      ...(options.attachments ? { attachments: options.attachments } : {}),
    };
    await this.#ingress.accept([event]);
    return event;
  }

  /**
   * A user presses the button labelled `buttonText` on a message the host sent: delivers a
   * `callback` event with the button's data, as Telegram and Slack do; resolves once journaled.
   */
  async press(
    message: MessageRef,
    buttonText: string,
    options: Partial<InboundEvent> = {},
  ): Promise<InboundEvent> {
    const m = this.#find(message);
    const button = (m.buttons ?? []).flat().find((b) => b.text === buttonText);
    if (!button) {
      const labels = (m.buttons ?? []).flat().map((b) => b.text);
      throw new Error(
        `message ${message.id} has no button "${buttonText}"; it has: ${labels.join(', ') || 'none'}`,
      );
    }
    return this.receive(button.data, { ...options, kind: 'callback', chat: m.ref.chat, messageRef: m.ref });
  }

  async send(to: ChatAddress, msg: OutgoingMessage): Promise<MessageRef> {
    const ref = { chat: to, id: String(this.#nextId++) };
    this.messages.push({
      ref,
      text: msg.text,
      ...(msg.replyTo ? { replyTo: msg.replyTo } : {}),
      ...(msg.buttons ? { buttons: msg.buttons } : {}),
      deleted: false,
      edits: [],
    });
    this.#notify();
    return ref;
  }

  async edit(ref: MessageRef, msg: OutgoingMessage): Promise<void> {
    const m = this.#find(ref);
    m.edits.push(msg.text);
    m.text = msg.text;
    m.buttons = msg.buttons;
    this.#notify();
  }

  async delete(ref: MessageRef): Promise<void> {
    this.#find(ref).deleted = true;
    this.#notify();
  }

  async setCommands(commands: readonly CommandInfo[]): Promise<void> {
    this.commands = commands;
  }

  /** Texts of the messages sent so far (current text, after edits). */
  texts(): string[] {
    return this.messages.map((m) => m.text);
  }

  /** Resolves when `predicate` holds, checked after every send, edit and delete. */
  waitFor(predicate: (t: this) => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#listeners.delete(check);
        reject(new Error(`timed out waiting; messages so far:\n${this.texts().join('\n---\n')}`));
      }, timeoutMs);
      const check = () => {
        if (!predicate(this)) return;
        clearTimeout(timer);
        this.#listeners.delete(check);
        resolve();
      };
      this.#listeners.add(check);
    });
  }

  #notify(): void {
    for (const l of [...this.#listeners]) l();
  }

  #find(ref: MessageRef): RecordedMessage {
    const m = this.messages.find((x) => x.ref.id === ref.id);
    if (!m) throw new Error(`message ${ref.id} not found`);
    return m;
  }
}
