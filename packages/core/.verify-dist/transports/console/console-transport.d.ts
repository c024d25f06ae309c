import type { Readable } from 'node:stream';
import type { ChatAddress } from '../../api/chat-address.js';
import type { IngressSink, MessageRef, OutgoingMessage } from '../../api/messages.js';
import type { PluginContext } from '../../api/plugin-context.js';
import type { Transport, TransportCapabilities } from '../../api/transport.js';
import type { Clock } from '../../clock/clock.js';
import { type ConsoleOutput } from './console-screen.js';
export interface ConsoleConfig {
    /** Shown before each line the user types (and before echoed piped input). */
    readonly prompt: string;
    /** Sender name; the OS user name when absent. */
    readonly user?: string;
}
export interface ConsoleIo {
    readonly input: Readable & {
        isTTY?: boolean;
    };
    readonly output: ConsoleOutput;
}
/** The console's streams; stdin/stdout unless a host or test registers others. */
export declare const CONSOLE_IO: unique symbol;
export declare const CONSOLE_CHAT: ChatAddress;
/**
 * The terminal chat of the embedded default: each input line is a message from the local user,
 * and messages render in the terminal (in place when it is a TTY). The end of input asks the
 * host to shut down, so `echo hi | ferry run --demo` answers and exits.
 */
export declare class ConsoleTransport implements Transport {
    #private;
    private readonly config;
    private readonly clock;
    private readonly ctx;
    private readonly io;
    readonly id = "console";
    readonly capabilities: TransportCapabilities;
    constructor(config: ConsoleConfig, clock: Clock, ctx: PluginContext, io: ConsoleIo);
    start(ingress: IngressSink): Promise<void>;
    stop(): Promise<void>;
    send(_to: ChatAddress, msg: OutgoingMessage): Promise<MessageRef>;
    edit(ref: MessageRef, msg: OutgoingMessage): Promise<void>;
    delete(ref: MessageRef): Promise<void>;
}
