import type { Writable } from 'node:stream';
import type { Clock } from '../clock/clock.js';
export interface EngineExit {
    readonly code: number | null;
    readonly signal: NodeJS.Signals | null;
}
export interface EngineProcessOptions {
    readonly command: string;
    readonly args: readonly string[];
    readonly cwd: string;
    /** The child's whole environment; usually `PluginContext.childEnv()`. */
    readonly env: NodeJS.ProcessEnv;
    /**
     * `{ text }` is written to stdin, which is then closed; `'pipe'` leaves it open for the
     * caller; absent = /dev/null. Text is boxed so that a prompt reading "pipe" stays a prompt.
     */
    readonly stdin?: {
        readonly text: string;
    } | 'pipe' | null;
    readonly clock: Clock;
    /** Wait between SIGTERM and SIGKILL of the process group. */
    readonly graceMs?: number;
    /** Abort = `stop()`. */
    readonly signal?: AbortSignal;
    /** Config key holding the executable's path (`engines.claude.path`), named in spawn errors. */
    readonly pathKey?: string;
}
export interface EngineProcess {
    readonly pid: number;
    /** stdout, one string per line. Single consumer: iterate it once. */
    readonly lines: AsyncIterable<string>;
    readonly stdin: Writable | null;
    /** The last ~8 KB of stderr, for error messages. */
    stderrTail(): string;
    /** Resolves (never rejects) once the child has exited and its output is closed. */
    readonly exit: Promise<EngineExit>;
    /** SIGTERM the group, wait the grace on the clock, then SIGKILL it. Idempotent. */
    stop(reason?: string): Promise<void>;
    /** Why `stop` was called first, if it was. */
    readonly stopReason: string | undefined;
}
/**
 * Starts an engine CLI as the leader of its own process group, so that stopping it reaches
 * everything it started (tool shells, `tail -f`, dev servers). Resolves once the child runs;
 * rejects with EngineSpawnError when it cannot start.
 */
export declare function startEngineProcess(options: EngineProcessOptions): Promise<EngineProcess>;
