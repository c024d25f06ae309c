import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef } from '../api/messages.js';
import type { Transport } from '../api/transport.js';
/** Where an engine leaves files for the chat, relative to the run's working dir. */
export declare const OUTBOX_DIR = ".ferry/outbox";
/**
 * Sends the files an engine left in `<cwd>/.ferry/outbox` as documents, then moves each to
 * `.ferry/sent` so a later run does not send it again. Returns the names sent.
 */
export declare function sendOutboxFiles(transport: Transport, cwd: string, chat: ChatAddress, replyTo?: MessageRef): Promise<string[]>;
