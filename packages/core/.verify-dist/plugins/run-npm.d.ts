export interface RunNpmOptions {
    /** Each line npm prints (stdout and stderr), as it prints it. */
    readonly onOutput?: (line: string) => void;
    readonly signal?: AbortSignal;
    /** The npm executable; `npm` from PATH, which always comes with Node. */
    readonly npm?: string;
}
/**
 * Runs npm in `cwd` (the plugins dir, so no enclosing project's .npmrc applies) to completion,
 * streaming its output; rejects with PluginInstallError unless it exits 0.
 */
export declare function runNpm(args: readonly string[], cwd: string, options?: RunNpmOptions): Promise<void>;
