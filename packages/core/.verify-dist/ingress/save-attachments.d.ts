import type { Attachment } from '../api/messages.js';
import type { Transport } from '../api/transport.js';
export interface SavedAttachments {
    readonly saved: readonly string[];
    readonly refused: readonly string[];
}
/** Keeps names portable and inside the target dir: no separators, no leading dots, bounded length. */
export declare function sanitiseFileName(name: string): string;
/** Saves a message's attachments into the run's working dir, refusing what is over the size cap. */
export declare function saveAttachments(transport: Transport, attachments: readonly Attachment[], dir: string, maxBytes: number): Promise<SavedAttachments>;
