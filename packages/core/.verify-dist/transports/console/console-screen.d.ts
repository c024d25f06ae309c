import type { Writable } from 'node:stream';
/** Where the console writes; a TTY (`isTTY`) gets in-place redraws, anything else plain lines. */
export type ConsoleOutput = Writable & {
    isTTY?: boolean;
    columns?: number;
    rows?: number;
};
/** The prompt line under the output, redrawn by its owner (readline) after each write. */
export interface PromptLine {
    redraw(): void;
}
/**
 * Renders console messages. In a TTY the blocks printed since the user last typed form a
 * window that can be redrawn in place (cursor up, clear, print again). Piped output is a log:
 * no escape codes, and an edit prints only the lines that changed beyond their numbers, so
 * ticking timers do not repeat the same progress line.
 */
export declare class ConsoleScreen {
    #private;
    private readonly out;
    constructor(out: ConsoleOutput);
    get isTTY(): boolean;
    /** Interactive mode: a prompt sits below the output and must be cleared and redrawn. */
    attachPrompt(prompt: PromptLine | undefined): void;
    print(id: string, text: string): void;
    update(id: string, text: string): void;
    /** Removes a block still in the TTY window; elsewhere a printed line cannot be taken back. */
    remove(id: string): void;
    /** Text that is not a message (an echoed input line); earlier blocks can no longer be redrawn. */
    note(text: string): void;
    /** The terminal itself echoed a line the user typed: the window ends above it. */
    userTyped(): void;
}
