/** Names of Ferry's built-in chat commands; a command plugin may not take them. */
export declare const RESERVED_COMMAND_IDS: ReadonlySet<string>;
