import { FerryError } from '../errors/ferry-error.js';
/** The daemon got a request for an op nobody registered (often: CLI newer than the daemon). */
export declare class UnknownDaemonOpError extends FerryError {
    readonly code = "FERRY_DAEMON_UNKNOWN_OP";
}
/** A request line was not a JSON object with a string `op`. */
export declare class DaemonBadRequestError extends FerryError {
    readonly code = "FERRY_DAEMON_BAD_REQUEST";
}
/** An op handler failed with an error that has no code of its own; details are in the daemon log. */
export declare class DaemonOpFailedError extends FerryError {
    readonly code = "FERRY_DAEMON_OP_FAILED";
}
/** Two owners registered the same op; the second registration is refused. */
export declare class DuplicateDaemonOpError extends FerryError {
    readonly code = "FERRY_DAEMON_OP_DUPLICATE";
}
/** The daemon accepted the connection but did not answer in time. */
export declare class DaemonTimeoutError extends FerryError {
    readonly code = "FERRY_DAEMON_TIMEOUT";
}
/** The socket exists but cannot be used (permissions), or the answer was cut off or malformed. */
export declare class DaemonUnreachableError extends FerryError {
    readonly code = "FERRY_DAEMON_UNREACHABLE";
}
/** The daemon could not listen on its status socket. */
export declare class StatusSocketError extends FerryError {
    readonly code = "FERRY_STATUS_SOCKET";
}
/**
 * An error the daemon answered with, rethrown in the client under the daemon's own code, so a
 * caller branches the same way whether the failure happened here or over the socket.
 */
export declare class DaemonReplyError extends FerryError {
    readonly code: `FERRY_${string}`;
    constructor(code: string, message: string);
}
