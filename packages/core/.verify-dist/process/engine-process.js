import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { EngineSpawnError } from './engine-spawn-error.js';
/** systemd hands these to Ferry itself; a child that sees them may try to use Ferry's sockets. */
const SUPERVISOR_ENV = ['LISTEN_FDS', 'LISTEN_PID', 'LISTEN_FDNAMES', 'NOTIFY_SOCKET'];
const STDERR_TAIL_CHARS = 8192;
const DEFAULT_GRACE_MS = 2000;
/**
 * Starts an engine CLI as the leader of its own process group, so that stopping it reaches
 * everything it started (tool shells, `tail -f`, dev servers). Resolves once the child runs;
 * rejects with EngineSpawnError when it cannot start.
 */
export async function startEngineProcess(options) {
    options.signal?.throwIfAborted();
    const env = { ...options.env };
    for (const name of SUPERVISOR_ENV)
        delete env[name];
    const child = spawn(options.command, [...options.args], {
        cwd: options.cwd,
        env,
        detached: true,
        stdio: [options.stdin == null ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    try {
        await new Promise((resolve, reject) => {
            child.once('spawn', resolve);
            child.once('error', reject);
        });
    }
    catch (err) {
        const cause = err;
        const missingCwd = cause.code === 'ENOENT' && !existsSync(options.cwd) ? options.cwd : undefined;
        throw new EngineSpawnError({ command: options.command, pathKey: options.pathKey, missingCwd }, { cause });
    }
    return new GroupLeaderProcess(child, options);
}
class GroupLeaderProcess {
    child;
    pid;
    lines;
    stdin;
    exit;
    #stderr = '';
    #stopping;
    #stopReason;
    #closed = new AbortController();
    #clock;
    #graceMs;
    constructor(child, options) {
        this.child = child;
        this.pid = child.pid;
        this.#clock = options.clock;
        this.#graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
        // Created now, not on first use: readline drops lines emitted before an iterator exists.
        const iterator = createInterface({ input: child.stdout, crlfDelay: Infinity })[Symbol.asyncIterator]();
        this.lines = { [Symbol.asyncIterator]: () => iterator };
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (chunk) => {
            this.#stderr = (this.#stderr + chunk).slice(-STDERR_TAIL_CHARS);
        });
        this.stdin = child.stdin;
        // A child may exit without reading its stdin; EPIPE then must not crash the host.
        child.stdin?.on('error', () => { });
        if (typeof options.stdin === 'object' && options.stdin !== null)
            child.stdin.end(options.stdin.text);
        const killOnHostExit = () => this.#killGroup('SIGKILL');
        addExitHook(killOnHostExit);
        const onAbort = () => void this.stop(abortReason(options.signal));
        options.signal?.addEventListener('abort', onAbort, { once: true });
        child.once('exit', () => {
            // Whatever the leader left behind in its group dies with it: a run's processes never
            // outlive the run, and a straggler would otherwise keep stdout open forever.
            this.#killGroup('SIGKILL');
            // A grandchild that left the group (setsid) may still hold our pipes; stop waiting for it.
            this.#clock.sleep(this.#graceMs, this.#closed.signal).then(() => {
                child.stdout?.destroy();
                child.stderr?.destroy();
            }, () => { });
        });
        this.exit = new Promise((resolve) => {
            child.once('close', (code, signal) => {
                this.#closed.abort();
                removeExitHook(killOnHostExit);
                options.signal?.removeEventListener('abort', onAbort);
                resolve({ code, signal });
            });
        });
    }
    get stopReason() {
        return this.#stopReason;
    }
    stderrTail() {
        return this.#stderr;
    }
    stop(reason = 'stopped') {
        this.#stopReason ??= reason;
        this.#stopping ??= this.#terminate();
        return this.#stopping;
    }
    async #terminate() {
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
            await this.exit;
            return;
        }
        this.#killGroup('SIGTERM');
        const graceTimer = new AbortController();
        const exitedInTime = await Promise.race([
            this.exit.then(() => true),
            this.#clock.sleep(this.#graceMs, graceTimer.signal).then(() => false, () => true),
        ]);
        graceTimer.abort(); // the losing sleep must not hold the event loop (or a manual clock) open
        if (!exitedInTime)
            this.#killGroup('SIGKILL');
        await this.exit;
    }
    #killGroup(signal) {
        try {
            process.kill(-this.pid, signal);
        }
        catch {
            // ESRCH: the group is already gone, which is what we wanted.
        }
    }
}
function abortReason(signal) {
    const reason = signal.reason;
    return reason instanceof Error ? reason.message : String(reason ?? 'aborted');
}
/*
 * One `exit` listener per running engine; raising the limit with each keeps Node from warning
 * about a leak when many runs go on at once.
 */
function addExitHook(hook) {
    const max = process.getMaxListeners();
    if (max !== 0)
        process.setMaxListeners(max + 1);
    process.on('exit', hook);
}
function removeExitHook(hook) {
    process.off('exit', hook);
    const max = process.getMaxListeners();
    if (max !== 0)
        process.setMaxListeners(Math.max(10, max - 1));
}
//# sourceMappingURL=engine-process.js.map