import { createConnection } from 'node:net';
import { SystemClock } from '../clock/system-clock.js';
import { DaemonNotRunningError } from '../errors/codes.js';
import { DaemonReplyError, DaemonTimeoutError, DaemonUnreachableError } from './daemon-errors.js';
import { MAX_LINE_BYTES } from './status-protocol.js';
import { findSocketPath } from './status-socket-path.js';
const DEFAULT_TIMEOUT_MS = 5_000;
// A socket file nobody listens on (ECONNREFUSED) is what a crashed daemon leaves behind.
const NOT_RUNNING = ['ENOENT', 'ECONNREFUSED', 'ENOTDIR'];
/**
 * Sends one op to the daemon of the config whose directory is `stateDir` and returns its result.
 * Throws DaemonNotRunningError when no daemon listens, DaemonTimeoutError when it does not
 * answer in time, and the daemon's own error (same code) when the op failed there.
 */
export async function requestDaemon(stateDir, op, args = {}, options = {}) {
    const target = options.configPath ?? stateDir;
    const path = findSocketPath(stateDir);
    if (path === undefined)
        throw notRunning(target, `${stateDir} records no status socket`);
    options.signal?.throwIfAborted();
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const clock = options.clock ?? new SystemClock();
    const stopTimer = new AbortController();
    const socket = createConnection(path);
    const onAbort = () => void socket.destroy(options.signal?.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        const timedOut = clock.sleep(timeoutMs, stopTimer.signal).then(() => {
            throw new DaemonTimeoutError(`the ferry daemon for ${target} did not answer "${op}" within ${timeoutMs} ms; ` +
                'it may be busy or stuck: check its log, or restart it');
        });
        const response = await Promise.race([exchange(socket, `${JSON.stringify({ ...args, op })}\n`), timedOut]);
        if (response.ok)
            return response.result;
        throw new DaemonReplyError(response.error.code, response.error.message);
    }
    catch (err) {
        if (options.signal?.aborted)
            throw options.signal.reason;
        const code = err.code;
        if (typeof code === 'string' && NOT_RUNNING.includes(code))
            throw notRunning(target, `nothing listens on ${path}`);
        if (typeof code === 'string' && !code.startsWith('FERRY_')) {
            throw new DaemonUnreachableError(`cannot reach the ferry daemon for ${target} at ${path}: ${err.message}; ` +
                'run this command as the user that runs the daemon', { cause: err });
        }
        throw err;
    }
    finally {
        stopTimer.abort();
        options.signal?.removeEventListener('abort', onAbort);
        socket.destroy();
    }
}
function notRunning(target, detail) {
    return new DaemonNotRunningError(`no ferry is running for ${target} (${detail}); start it with \`ferry run\``);
}
/** Writes the request once connected and resolves with the first answer line. */
function exchange(socket, request) {
    return new Promise((resolve, reject) => {
        let buffered = '';
        socket.setEncoding('utf8');
        socket.once('connect', () => socket.write(request));
        socket.once('error', reject);
        socket.on('data', (chunk) => {
            buffered += chunk;
            const nl = buffered.indexOf('\n');
            if (nl >= 0) {
                try {
                    resolve(parseResponse(buffered.slice(0, nl)));
                }
                catch (err) {
                    reject(err);
                }
            }
            else if (Buffer.byteLength(buffered) > MAX_LINE_BYTES) {
                reject(new DaemonUnreachableError(`the daemon's answer is longer than ${MAX_LINE_BYTES} bytes`));
            }
        });
        // After a resolve this is a no-op; before one it means the daemon hung up mid-answer.
        socket.once('close', () => reject(new DaemonUnreachableError('the daemon closed the connection without answering; check its log')));
    });
}
function parseResponse(line) {
    let parsed;
    try {
        parsed = JSON.parse(line);
    }
    catch {
        parsed = undefined;
    }
    const candidate = parsed;
    if (candidate?.ok === true)
        return { ok: true, result: candidate.result };
    if (candidate?.ok === false &&
        typeof candidate.error?.code === 'string' &&
        typeof candidate.error.message === 'string') {
        return { ok: false, error: { code: candidate.error.code, message: candidate.error.message } };
    }
    throw new DaemonUnreachableError(`the socket answered with something that is not Ferry's protocol: ${line.slice(0, 200)}`);
}
//# sourceMappingURL=status-client.js.map