import { createRequire } from 'node:module';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { REPO } from './daemon.js';

interface DgramSocket {
  bind(path: string): void;
  on(event: 'message', cb: (msg: Buffer) => void): void;
  on(event: 'error' | 'listening', cb: (err?: Error) => void): void;
  close(): void;
}

/** A systemd-like NOTIFY_SOCKET listener (unix datagram), recording every datagram. */
export function notifySocket(path: string): {
  readonly messages: string[];
  waitFor(text: string, timeoutMs?: number): Promise<void>;
} {
  const dgram = createRequire(join(REPO, 'packages/core/package.json'))('unix-dgram') as {
    createSocket(type: 'unix_dgram', cb?: (msg: Buffer) => void): DgramSocket;
  };
  const messages: string[] = [];
  const waiters = new Set<() => void>();
  const socket = dgram.createSocket('unix_dgram', (msg) => {
    messages.push(msg.toString());
    for (const w of [...waiters]) w();
  });
  socket.bind(path.startsWith('@') ? `\0${path.slice(1)}` : path);
  onTestFinished(() => socket.close());
  return {
    messages,
    waitFor: (text, timeoutMs = 20_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!messages.some((m) => m.split('\n').includes(text))) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no ${text} among ${JSON.stringify(messages)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      }),
  };
}
