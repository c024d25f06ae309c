import type { Logger } from '../logging/logger.js';
/** Answers one op. `args` are the request's fields other than `op`; the result must be JSON. */
export type DaemonOpHandler = (args: Readonly<Record<string, unknown>>) => unknown;
export interface StatusServerOptions {
    readonly stateDir: string;
    readonly logger: Logger;
}
/**
 * The daemon's control socket: a registry of ops (`status` now; `restart`, `stop`, `journal`
 * later) served over a unix socket private to the user. Listen only while holding the
 * instance lock: a socket file found at start is then known to be a dead daemon's and is removed.
 */
export declare class StatusServer {
    #private;
    private readonly options;
    constructor(options: StatusServerOptions);
    /** The socket path, once listening. */
    get path(): string | undefined;
    handle(op: string, handler: DaemonOpHandler): this;
    /** Starts listening; resolves with the socket path. A second call returns the first call's promise. */
    listen(): Promise<string>;
    /** Stops listening, drops open connections and removes the socket files. Idempotent. */
    close(): Promise<void>;
}
