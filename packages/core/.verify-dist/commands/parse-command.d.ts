export interface ParsedCommand {
    readonly name: string;
    readonly args: string;
}
/**
 * `/name args` → { name, args }. Telegram appends the bot's username in groups
 * (`/cancel@ferry_bot`), which is dropped. Anything else is not a command.
 */
export declare function parseCommand(text: string): ParsedCommand | undefined;
