import { FerryError } from '../errors/ferry-error.js';
/*
 * Errors of the status socket, on both ends. DaemonNotRunningError lives in errors/codes.ts
 * because the CLI raises it too. Each code is listed in docs/errors.md with its fix.
 */
/** The daemon got a request for an op nobody registered (often: CLI newer than the daemon). */
export class UnknownDaemonOpError extends FerryError {
    code = 'FERRY_DAEMON_UNKNOWN_OP';
}
/** A request line was not a JSON object with a string `op`. */
export class DaemonBadRequestError extends FerryError {
    code = 'FERRY_DAEMON_BAD_REQUEST';
}
/** An op handler failed with an error that has no code of its own; details are in the daemon log. */
export class DaemonOpFailedError extends FerryError {
    code = 'FERRY_DAEMON_OP_FAILED';
}
/** Two owners registered the same op; the second registration is refused. */
export class DuplicateDaemonOpError extends FerryError {
    code = 'FERRY_DAEMON_OP_DUPLICATE';
}
/** The daemon accepted the connection but did not answer in time. */
export class DaemonTimeoutError extends FerryError {
    code = 'FERRY_DAEMON_TIMEOUT';
}
/** The socket exists but cannot be used (permissions), or the answer was cut off or malformed. */
export class DaemonUnreachableError extends FerryError {
    code = 'FERRY_DAEMON_UNREACHABLE';
}
/** The daemon could not listen on its status socket. */
export class StatusSocketError extends FerryError {
    code = 'FERRY_STATUS_SOCKET';
}
/**
 * An error the daemon answered with, rethrown in the client under the daemon's own code, so a
 * caller branches the same way whether the failure happened here or over the socket.
 */
export class DaemonReplyError extends FerryError {
    code;
    constructor(code, message) {
        super(message);
        this.code = code.startsWith('FERRY_') ? code : 'FERRY_DAEMON_OP_FAILED';
    }
}
//# sourceMappingURL=daemon-errors.js.map