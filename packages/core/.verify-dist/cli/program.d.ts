import { Command, CommanderError } from 'commander';
/** A subcommand's action reports its exit code here; commander itself only parses. */
export interface ExitBox {
    code: number;
}
export declare function hostVersion(): string;
export declare function buildProgram(exit: ExitBox): Command;
/** Commander's own exits (help, version, usage errors) as our exit codes; it printed the message. */
export declare function commanderExit(err: CommanderError): number;
