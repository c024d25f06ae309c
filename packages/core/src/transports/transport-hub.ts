import { inject, injectable } from 'tsyringe';
import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef, OutgoingMessage } from '../api/messages.js';
import type { Presenter } from '../api/presenter.js';
import type { Transport, TransportCapabilities } from '../api/transport.js';
import { TransportNotFoundError } from '../errors/codes.js';
import type { Logger } from '../logging/logger.js';
import { PlainPresenter } from '../runs/plain-presenter.js';
import { LOGGER } from '../tokens.js';

/** The transports of this generation, addressed by chat address. */
@injectable()
export class TransportHub {
  readonly #transports = new Map<string, Transport>();
  readonly #plain = new PlainPresenter();

  constructor(@inject(LOGGER) private readonly log: Logger) {}

  add(transport: Transport): void {
    this.#transports.set(transport.id, transport);
  }

  list(): Transport[] {
    return [...this.#transports.values()];
  }

  ids(): string[] {
    return [...this.#transports.keys()];
  }

  has(id: string): boolean {
    return this.#transports.has(id);
  }

  get(id: string): Transport {
    const t = this.#transports.get(id);
    if (!t)
      throw new TransportNotFoundError(
        `no transport "${id}" is running; configured: ${this.ids().join(', ') || 'none'}`,
      );
    return t;
  }

  presenter(chat: ChatAddress): Presenter {
    return this.get(chat.transport).presenter ?? this.#plain;
  }

  capabilities(chat: ChatAddress): TransportCapabilities {
    return this.get(chat.transport).capabilities;
  }

  send(chat: ChatAddress, msg: OutgoingMessage): Promise<MessageRef> {
    return this.get(chat.transport).send(chat, msg);
  }

  edit(ref: MessageRef, msg: OutgoingMessage): Promise<void> {
    return this.get(ref.chat.transport).edit(ref, msg);
  }

  delete(ref: MessageRef): Promise<void> {
    return this.get(ref.chat.transport).delete(ref);
  }

  /** For messages whose loss is acceptable (progress, notices): failures are logged, not thrown. */
  async trySend(chat: ChatAddress, msg: OutgoingMessage): Promise<MessageRef | undefined> {
    try {
      return await this.send(chat, msg);
    } catch (err) {
      this.log.warn({ err, chat }, 'could not send a notice');
      return undefined;
    }
  }

  async tryEdit(ref: MessageRef, msg: OutgoingMessage): Promise<boolean> {
    try {
      await this.edit(ref, msg);
      return true;
    } catch (err) {
      this.log.debug({ err, ref }, 'could not edit a message');
      return false;
    }
  }
}
