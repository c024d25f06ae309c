import { createRequire } from 'node:module';
/** Notifies nothing: no NOTIFY_SOCKET (not under systemd `Type=notify`). */
class SilentNotifier {
    notify() { }
    close() { }
}
/**
 * sd_notify over NOTIFY_SOCKET. Node's dgram has no AF_UNIX, so this uses the `unix-dgram`
 * addon (an optional dependency). Abstract sockets (`@name`) are addressed with a leading NUL.
 * Datagrams come from this process, so `NotifyAccess=main` accepts them.
 */
class SocketNotifier {
    socket;
    path;
    log;
    constructor(socket, path, log) {
        this.socket = socket;
        this.path = path;
        this.log = log;
        socket.on('error', (err) => log.warn({ err }, 'sd_notify socket error'));
    }
    notify(state) {
        const text = Object.entries(state)
            .map(([k, v]) => `${k}=${v.replace(/\n/g, ' ')}`)
            .join('\n');
        const buf = Buffer.from(text);
        this.socket.send(buf, 0, buf.length, this.path, (err) => {
            if (err)
                this.log.warn({ err }, 'sd_notify failed');
        });
    }
    close() {
        this.socket.close();
    }
}
export function createNotifier(env, log) {
    const target = env.NOTIFY_SOCKET;
    if (!target)
        return new SilentNotifier();
    let dgram;
    try {
        dgram = createRequire(import.meta.url)('unix-dgram');
    }
    catch (err) {
        log.warn({ err }, 'NOTIFY_SOCKET is set but the unix-dgram addon is missing: systemd will not hear READY=1');
        return new SilentNotifier();
    }
    const path = target.startsWith('@') ? `\0${target.slice(1)}` : target;
    return new SocketNotifier(dgram.createSocket('unix_dgram'), path, log);
}
//# sourceMappingURL=sd-notify.js.map