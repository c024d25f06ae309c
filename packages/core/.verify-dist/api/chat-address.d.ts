/** Where a message goes or came from: `transport:chat[:thread]`, e.g. `telegram:-100123:42`. */
export interface ChatAddress {
    readonly transport: string;
    readonly chat: string;
    readonly thread?: string;
}
export declare function formatChatAddress(a: ChatAddress): string;
/**
 * Parses `transport:chat[:thread]`. The chat part may itself be negative (`-100123`); a Slack
 * thread ts contains a dot but never a colon, so splitting on the first two colons is exact.
 */
export declare function parseChatAddress(text: string): ChatAddress;
/** The session key: one FIFO queue and one resume token per chat or thread. */
export declare function sessionKeyOf(a: ChatAddress): string;
