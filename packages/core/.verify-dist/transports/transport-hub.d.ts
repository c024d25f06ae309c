import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef, OutgoingMessage } from '../api/messages.js';
import type { Presenter } from '../api/presenter.js';
import type { Transport, TransportCapabilities } from '../api/transport.js';
import type { Logger } from '../logging/logger.js';
/** The transports of this generation, addressed by chat address. */
export declare class TransportHub {
    #private;
    private readonly log;
    constructor(log: Logger);
    add(transport: Transport): void;
    list(): Transport[];
    ids(): string[];
    has(id: string): boolean;
    get(id: string): Transport;
    presenter(chat: ChatAddress): Presenter;
    capabilities(chat: ChatAddress): TransportCapabilities;
    send(chat: ChatAddress, msg: OutgoingMessage): Promise<MessageRef>;
    edit(ref: MessageRef, msg: OutgoingMessage): Promise<void>;
    delete(ref: MessageRef): Promise<void>;
    /** For messages whose loss is acceptable (progress, notices): failures are logged, not thrown. */
    trySend(chat: ChatAddress, msg: OutgoingMessage): Promise<MessageRef | undefined>;
    tryEdit(ref: MessageRef, msg: OutgoingMessage): Promise<boolean>;
}
