import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { DEMO_CONFIG, instanceDir, startDaemon } from './support/daemon.js';
import { LOOPCHAT_PLUGIN_DIR } from './support/loopchat.js';
import { notifySocket } from './support/notify-socket.js';
import { descendants } from './support/proc.js';

/** Every process below `pid` with the variable names of its environment (from /proc). */
function childEnvironments(pid: number): { pid: number; names: string[] }[] {
  return descendants(pid).flatMap((child) => {
    try {
      const environ = readFileSync(`/proc/${child}/environ`, 'utf8');
      return [{ pid: child, names: environ.split('\0').map((kv) => kv.slice(0, kv.indexOf('='))) }];
    } catch {
      return []; // gone meanwhile
    }
  });
}

describe('systemd notifications over NOTIFY_SOCKET', () => {
  for (const kind of ['path', 'abstract'] as const) {
    it(`sends READY=1 once receiving, then STOPPING=1 and STATUS= while draining (${kind} socket)`, async () => {
      const { dir, config } = instanceDir(DEMO_CONFIG);
      const socketPath =
        kind === 'path' ? join(dir, 'notify.sock') : `@ferry-test-${process.pid}-${Date.now()}`;
      const systemd = notifySocket(socketPath);
      const d = startDaemon(config, { NOTIFY_SOCKET: socketPath });
      await systemd.waitFor('READY=1');
      expect(systemd.messages.join('\n')).toMatch(/STATUS=running: console/);
      d.say('sleep 1');
      await d.waitForStdout(/⚙️ working/);
      d.proc.kill('SIGTERM');
      await systemd.waitFor('STOPPING=1');
      expect((await d.exit).code).toBe(0);
      expect(systemd.messages.some((m) => m.includes('STATUS=draining: SIGTERM'))).toBe(true);
    });
  }

  it('pings WATCHDOG=1 at half the interval systemd asks for', async () => {
    const { dir, config } = instanceDir(DEMO_CONFIG);
    const systemd = notifySocket(join(dir, 'notify.sock'));
    const d = startDaemon(config, { NOTIFY_SOCKET: join(dir, 'notify.sock'), WATCHDOG_USEC: '400000' });
    await systemd.waitFor('READY=1');
    const started = systemd.messages.filter((m) => m === 'WATCHDOG=1').length;
    await new Promise((r) => setTimeout(r, 1000));
    // 200 ms apart: about five in a second (the loop may be busy starting, so allow slack)
    expect(systemd.messages.filter((m) => m === 'WATCHDOG=1').length - started).toBeGreaterThanOrEqual(3);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('sends READY, STATUS, STOPPING, EXTEND_TIMEOUT_USEC in order across a start, a drain and a stop', async () => {
    // the drain (30 s) may outlast the stop timeout systemd was given (5 s): Ferry says so at
    // start and, once draining, asks systemd for more time instead of being SIGKILLed
    const { dir, config } = instanceDir(`${DEMO_CONFIG}
[restart]
drain_timeout_s = 30
stop_timeout_s = 5
`);
    const systemd = notifySocket(join(dir, 'notify.sock'));
    const d = startDaemon(config, { NOTIFY_SOCKET: join(dir, 'notify.sock') });
    await systemd.waitFor('READY=1');
    expect(
      d
        .logs()
        .some(
          (l) =>
            l.level === 40 &&
            /drain_timeout_s \(30 s\) is not at least 10 s below the stop timeout \(5 s/.test(String(l.msg)),
        ),
    ).toBe(true);
    d.say('sleep 2');
    await d.waitForStdout(/⚙️ working/);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);

    const lines = systemd.messages.flatMap((m) => m.split('\n'));
    const at = (line: string | RegExp) =>
      lines.findIndex((l) => (typeof line === 'string' ? l === line : line.test(l)));
    const ready = at('READY=1');
    const stopping = at('STOPPING=1');
    const extend = at(/^EXTEND_TIMEOUT_USEC=/);
    const stopped = at(/^STATUS=stopping: /);
    expect(ready).toBeGreaterThanOrEqual(0);
    expect([ready < stopping, stopping < extend, extend < stopped]).toEqual([true, true, true]);
    expect(lines.filter((l) => l === 'READY=1' || l === 'STOPPING=1')).toEqual(['READY=1', 'STOPPING=1']);
    // while running, STATUS= says the state, the transports, the runs and the queue
    expect(lines[ready + 1]).toBe('STATUS=running: console · 0 run(s), 0 queued');
    expect(
      lines
        .slice(ready, stopping)
        .filter((l) => l.startsWith('STATUS='))
        .every((l) => l.startsWith('STATUS=running: console · ')),
    ).toBe(true);
    expect(lines[stopping + 1]).toBe('STATUS=draining: SIGTERM');
    // one step: enough to cover a few countdown ticks, not the whole drain
    expect(lines[extend]).toBe('EXTEND_TIMEOUT_USEC=20000000');
    expect(lines.slice(stopped + 1)).toEqual([]);
  });

  it('never lets an engine subprocess see NOTIFY_SOCKET, which is what makes NotifyAccess=main hold', async () => {
    const { dir, config } = instanceDir(DEMO_CONFIG);
    const systemd = notifySocket(join(dir, 'notify.sock'));
    const d = startDaemon(config, {
      NOTIFY_SOCKET: join(dir, 'notify.sock'),
      LISTEN_FDS: '1',
      LISTEN_PID: '1',
      WATCHDOG_USEC: '60000000',
    });
    await systemd.waitFor('READY=1');
    d.say('sleep 2');
    await d.waitForStdout(/⚙️ working/);
    // the engine process starts just after the progress message
    let children = childEnvironments(d.proc.pid!);
    for (let i = 0; i < 50 && children.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      children = childEnvironments(d.proc.pid!);
    }
    expect(children.length).toBeGreaterThan(0);
    // the environments were read: the engine does get the ordinary variables
    expect(children.some((c) => c.names.includes('PATH'))).toBe(true);
    for (const child of children) {
      expect(child.names).not.toContain('NOTIFY_SOCKET');
      expect(child.names).not.toContain('LISTEN_FDS');
      expect(child.names).not.toContain('WATCHDOG_USEC');
    }
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('holds READY=1 back until every transport receives (a slow first poll)', async () => {
    const { dir, config } = instanceDir();
    const systemd = notifySocket(join(dir, 'notify.sock'));
    let readyBeforeFirstPoll: boolean | undefined;
    // a chat platform whose first poll takes a second: the loopchat transport's start() awaits it
    const server = createServer((req, res) => {
      const first = readyBeforeFirstPoll === undefined;
      setTimeout(
        () => {
          if (first) readyBeforeFirstPoll = systemd.messages.some((m) => m.split('\n').includes('READY=1'));
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify(req.url?.startsWith('/updates') ? { updates: [] } : { id: 1 }));
        },
        first ? 1000 : 300,
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    onTestFinished(() => {
      server.closeAllConnections();
      server.close();
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    writeFileSync(
      config,
      `default_engine = "demo"\n[transports.loopchat]\nurl = "${url}"\n[engines.demo]\n[plugins]\npaths = ["${LOOPCHAT_PLUGIN_DIR}"]\n`,
    );
    const d = startDaemon(config, { NOTIFY_SOCKET: join(dir, 'notify.sock') });
    await systemd.waitFor('READY=1');
    expect(readyBeforeFirstPoll).toBe(false);
    expect(systemd.messages.join('\n')).toContain('STATUS=running: loopchat · 0 run(s), 0 queued');
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
