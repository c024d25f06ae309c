/** The embedded default (DESIGN §8): the console chat and the offline demo engine, no tokens. */
export declare const DEMO_CONFIG = "# Ferry's embedded default: a throwaway instance (deleted on exit).\ndefault_engine = \"demo\"\n\n[transports.console]\n\n[engines.demo]\n";
export interface RunOptions {
    readonly demo?: boolean;
}
/** `ferry run`: the daemon in the foreground until SIGTERM/SIGINT (or the console's end of input). */
export declare function runCommand(options: RunOptions): Promise<number>;
