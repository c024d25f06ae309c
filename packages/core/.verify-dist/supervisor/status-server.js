import { chmodSync, lstatSync, rmSync, unlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { isFerryError } from '../errors/ferry-error.js';
import { DaemonBadRequestError, DaemonOpFailedError, DuplicateDaemonOpError, StatusSocketError, UnknownDaemonOpError, } from './daemon-errors.js';
import { MAX_LINE_BYTES } from './status-protocol.js';
import { prepareSocketPath, socketPathFile } from './status-socket-path.js';
/**
 * The daemon's control socket: a registry of ops (`status` now; `restart`, `stop`, `journal`
 * later) served over a unix socket private to the user. Listen only while holding the
 * instance lock: a socket file found at start is then known to be a dead daemon's and is removed.
 */
export class StatusServer {
    options;
    #ops = new Map();
    #connections = new Set();
    #server;
    #listening;
    #closing;
    #path;
    constructor(options) {
        this.options = options;
        this.#server = createServer((socket) => this.#serve(socket));
    }
    /** The socket path, once listening. */
    get path() {
        return this.#path;
    }
    handle(op, handler) {
        if (this.#ops.has(op)) {
            throw new DuplicateDaemonOpError(`the status op "${op}" is registered twice; register each op once`);
        }
        this.#ops.set(op, handler);
        return this;
    }
    /** Starts listening; resolves with the socket path. A second call returns the first call's promise. */
    listen() {
        this.#listening ??= this.#listen();
        return this.#listening;
    }
    /** Stops listening, drops open connections and removes the socket files. Idempotent. */
    close() {
        this.#closing ??= this.#close();
        return this.#closing;
    }
    async #listen() {
        const path = prepareSocketPath(this.options.stateDir);
        removeStaleSocket(path);
        await new Promise((resolve, reject) => {
            const onError = (err) => reject(new StatusSocketError(`cannot listen on ${path}: ${err.message}`, { cause: err }));
            this.#server.once('error', onError);
            this.#server.listen(path, () => {
                this.#server.off('error', onError);
                resolve();
            });
        });
        // bind() applies the umask; nobody else may connect, since ops will include stop and restart.
        chmodSync(path, 0o600);
        this.#server.on('error', (err) => this.options.logger.error({ err }, 'status socket error'));
        this.#path = path;
        return path;
    }
    async #close() {
        await this.#listening?.catch(() => undefined);
        if (!this.#server.listening)
            return;
        const closed = new Promise((resolve) => this.#server.close(() => resolve()));
        for (const socket of this.#connections)
            socket.destroy();
        await closed;
        if (this.#path !== undefined)
            rmSync(this.#path, { force: true });
        rmSync(socketPathFile(this.options.stateDir), { force: true });
    }
    #serve(socket) {
        this.#connections.add(socket);
        socket.once('close', () => this.#connections.delete(socket));
        socket.on('error', (err) => this.options.logger.debug({ err }, 'status client connection error'));
        socket.setEncoding('utf8');
        let buffered = '';
        // Answers go out in request order even when a later op finishes first.
        let queue = Promise.resolve();
        socket.on('data', (chunk) => {
            buffered += chunk;
            for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
                const line = buffered.slice(0, nl);
                buffered = buffered.slice(nl + 1);
                if (line.trim() === '')
                    continue;
                queue = queue.then(async () => {
                    const answer = await this.#answer(line);
                    if (!socket.destroyed)
                        socket.write(`${answer}\n`);
                });
            }
            if (Buffer.byteLength(buffered) > MAX_LINE_BYTES) {
                const error = new DaemonBadRequestError(`request line longer than ${MAX_LINE_BYTES} bytes`);
                socket.end(`${JSON.stringify(failure(error))}\n`);
                buffered = '';
            }
        });
    }
    /** One request line in, one answer line out; never throws. */
    async #answer(line) {
        let request;
        try {
            request = JSON.parse(line);
        }
        catch {
            return JSON.stringify(failure(new DaemonBadRequestError('the request is not valid JSON')));
        }
        if (typeof request !== 'object' ||
            request === null ||
            typeof request.op !== 'string') {
            return JSON.stringify(failure(new DaemonBadRequestError('the request needs a string "op" field')));
        }
        const { op, ...args } = request;
        const handler = this.#ops.get(op);
        if (handler === undefined) {
            const known = [...this.#ops.keys()].sort().join(', ');
            return JSON.stringify(failure(new UnknownDaemonOpError(`the running daemon does not know "${op}" (it knows: ${known}); ` +
                'if ferry was upgraded, restart the daemon')));
        }
        try {
            const result = await handler(args);
            return JSON.stringify({ ok: true, result: result ?? null });
        }
        catch (err) {
            if (isFerryError(err))
                return JSON.stringify(failure(err));
            this.options.logger.error({ err, op }, 'status op failed');
            return JSON.stringify(failure(new DaemonOpFailedError(`"${op}" failed in the daemon: ${err?.message ?? String(err)}; see its log`)));
        }
    }
}
function failure(err) {
    return { ok: false, error: { code: err.code, message: err.message } };
}
/** Removes a socket file left by a daemon that died without cleaning up; refuses anything else. */
function removeStaleSocket(path) {
    let isSocket;
    try {
        isSocket = lstatSync(path).isSocket();
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return;
        throw err;
    }
    if (!isSocket) {
        throw new StatusSocketError(`${path} exists and is not a socket; move it away so ferry can listen there`);
    }
    unlinkSync(path);
}
//# sourceMappingURL=status-server.js.map