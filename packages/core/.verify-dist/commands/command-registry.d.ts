import type { Command } from '../api/command.js';
import type { CommandInfo } from '../api/transport.js';
/** Built-in and plugin commands by name; what each transport publishes as its menu. */
export declare class CommandRegistry {
    #private;
    add(command: Command, owner: string): void;
    get(name: string): Command | undefined;
    list(): CommandInfo[];
    owner(name: string): string | undefined;
}
