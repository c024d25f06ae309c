import { createRequire } from 'node:module';
import type { Logger } from '../logging/logger.js';
import type { Notifier } from './notifier.js';

interface UnixDgramSocket {
  send(buf: Buffer, offset: number, length: number, path: string, cb?: (err?: Error) => void): void;
  close(): void;
  on(event: 'error', listener: (err: Error) => void): void;
}

interface UnixDgram {
  createSocket(type: 'unix_dgram'): UnixDgramSocket;
}

/** Notifies nothing: no NOTIFY_SOCKET (not under systemd `Type=notify`). */
class SilentNotifier implements Notifier {
  notify(): void {}
  close(): void {}
}

/**
 * sd_notify over NOTIFY_SOCKET. Node's dgram has no AF_UNIX, so this uses the `unix-dgram`
 * addon (an optional dependency). Abstract sockets (`@name`) are addressed with a leading NUL.
 * Datagrams come from this process, so `NotifyAccess=main` accepts them.
 */
class SocketNotifier implements Notifier {
  constructor(
    private readonly socket: UnixDgramSocket,
    private readonly path: string,
    private readonly log: Logger,
  ) {
    socket.on('error', (err) => log.warn({ err }, 'sd_notify socket error'));
  }

  notify(state: Readonly<Record<string, string>>): void {
    const text = Object.entries(state)
      .map(([k, v]) => `${k}=${v.replace(/\n/g, ' ')}`)
      .join('\n');
    const buf = Buffer.from(text);
    this.socket.send(buf, 0, buf.length, this.path, (err) => {
      if (err) this.log.warn({ err }, 'sd_notify failed');
    });
  }

  close(): void {
    this.socket.close();
  }
}

export function createNotifier(env: NodeJS.ProcessEnv, log: Logger): Notifier {
  const target = env.NOTIFY_SOCKET;
  if (!target) return new SilentNotifier();
  let dgram: UnixDgram;
  try {
    dgram = createRequire(import.meta.url)('unix-dgram') as UnixDgram;
  } catch (err) {
    log.warn(
      { err },
      'NOTIFY_SOCKET is set but the unix-dgram addon is missing: systemd will not hear READY=1',
    );
    return new SilentNotifier();
  }
  const path = target.startsWith('@') ? `\0${target.slice(1)}` : target;
  return new SocketNotifier(dgram.createSocket('unix_dgram'), path, log);
}
