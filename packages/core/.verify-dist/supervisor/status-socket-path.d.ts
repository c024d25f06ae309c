/** `<stateDir>/ferry.sock`: where the status socket lives when the path is short enough. */
export declare function preferredSocketPath(stateDir: string): string;
/** `<stateDir>/ferry.sock.path`: names the real socket when it had to live elsewhere. */
export declare function socketPathFile(stateDir: string): string;
/**
 * Where the daemon listens. A state dir too deep for a unix socket path gets a socket in a
 * private per-user directory under the temp dir, named by a hash of the state dir, and the
 * path is written to `ferry.sock.path` for clients. (A symlink would not help: the kernel
 * checks the length of the path given to bind/connect.)
 */
export declare function prepareSocketPath(stateDir: string): string;
/**
 * Where a client should connect, by the same rule as `prepareSocketPath`; undefined when the
 * state dir is deep and no daemon ever recorded its socket. Reading the recorded path (rather
 * than recomputing it) keeps working when the daemon and the CLI see different TMPDIRs.
 */
export declare function findSocketPath(stateDir: string): string | undefined;
