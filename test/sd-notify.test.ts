import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, instanceDir, startDaemon } from './support/daemon.js';
import { notifySocket } from './support/notify-socket.js';

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
});
