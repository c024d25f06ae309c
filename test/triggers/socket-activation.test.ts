import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { CLI, ferry, instanceDir } from '../support/daemon.js';
import { loopchat, loopchatConfig } from '../support/loopchat.js';

const HOOK = `[triggers]
enabled = true
[triggers.server]
port = 1
[[triggers.webhooks]]
id = "sa"
path = "/sa"
auth = "bearer"
secret = "t"
action = "notify_only"
prompt_template = "ping {{payload.n}}"
chat = "loopchat:c1"
`;

describe('socket activation', () => {
  it('serves webhooks on the socket systemd hands over as fd 3 instead of binding', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat, HOOK));
    // what systemd does for ferry.socket: a listening socket as fd 3, LISTEN_PID = the service's own pid
    const socket = createServer();
    await new Promise<void>((r) => socket.listen(0, '127.0.0.1', r));
    const port = (socket.address() as { port: number }).port;
    const fd = (socket as unknown as { _handle: { fd: number } })._handle.fd;
    const proc = spawn('/bin/sh', ['-c', `LISTEN_PID=$$ exec "${process.execPath}" "${CLI}" run`], {
      env: { ...process.env, FERRY_CONFIG_PATH: config, LISTEN_FDS: '1' },
      stdio: ['ignore', 'ignore', 'pipe', fd],
    });
    let stderr = '';
    proc.stderr!.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
    onTestFinished(() => {
      if (proc.exitCode === null) proc.kill('SIGKILL');
    });
    socket.close(); // the daemon holds its own copy of the socket now
    await vi.waitFor(() => expect(stderr).toContain('ferry is ready'), { timeout: 20_000 });
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status.triggers.server).toMatchObject({
      listening: true,
      socket_activated: true,
      address: `127.0.0.1:${port}`,
    });
    const res = await fetch(`http://127.0.0.1:${port}/hooks/sa`, {
      method: 'POST',
      body: '{"n":7}',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
    });
    expect(res.status).toBe(202);
    await chat.waitFor(() => chat.bot.some((m) => m.text === '🪝 webhook:sa: ping 7'), 10_000, 'the notice');
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
