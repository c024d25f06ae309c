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
export declare class MemoryTransport implements Transport {
    #private;
    readonly id: string;
    readonly capabilities: TransportCapabilities;
    readonly messages: RecordedMessage[];
    commands: readonly CommandInfo[];
    constructor(id?: string, capabilities?: Partial<TransportCapabilities>);
    start(ingress: IngressSink): Promise<void>;
    stop(): Promise<void>;
    /** Delivers a user's message; resolves once it is journaled. */
    receive(text: string, options?: Partial<InboundEvent> & {
        chat?: ChatAddress;
    }): Promise<InboundEvent>;
    send(to: ChatAddress, msg: OutgoingMessage): Promise<MessageRef>;
    edit(ref: MessageRef, msg: OutgoingMessage): Promise<void>;
    delete(ref: MessageRef): Promise<void>;
    setCommands(commands: readonly CommandInfo[]): Promise<void>;
    /** Texts of the messages sent so far (current text, after edits). */
    texts(): string[];
    /** Resolves when `predicate` holds, checked after every send, edit and delete. */
    waitFor(predicate: (t: this) => boolean, timeoutMs?: number): Promise<void>;
}
