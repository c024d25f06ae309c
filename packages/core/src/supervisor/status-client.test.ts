import { existsSync, lstatSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { captureLogger } from './__fixtures__/capture-logger.js';
import { startNodeChild } from './__fixtures__/node-child.js';
import { makeTempDir } from './__fixtures__/temp-dir.js';
import { requestDaemon } from './status-client.js';
import { StatusServer } from './status-server.js';

const SERVE = new URL('./__fixtures__/serve-status.mjs', import.meta.url);

async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('the request succeeded');
}

function serverIn(stateDir: string): StatusServer {
  const server = new StatusServer({ stateDir, logger: captureLogger().logger });
  onTestFinished(() => server.close());
  return server;
}

describe('requestDaemon', () => {
  it('throws FERRY_DAEMON_NOT_RUNNING naming the config when nothing was ever started', async () => {
    const stateDir = makeTempDir();
    const configPath = join(stateDir, 'ferry.toml');

    const err = await failure(requestDaemon(stateDir, 'status', {}, { configPath }));

    expect(err.code).toBe('FERRY_DAEMON_NOT_RUNNING');
    expect(err.message).toContain(configPath);
  });

  it('treats the socket of a SIGKILLed daemon as not running, and a new server takes the path over', async () => {
    const stateDir = makeTempDir();
    const daemon = startNodeChild(SERVE, [stateDir]);
    await daemon.waitForLine(/^listening /);
    expect(await requestDaemon(stateDir, 'status')).toEqual({ pid: daemon.pid });
    daemon.process.kill('SIGKILL');
    await daemon.exited;
    expect(lstatSync(join(stateDir, 'ferry.sock')).isSocket()).toBe(true);

    const err = await failure(requestDaemon(stateDir, 'status'));
    const server = serverIn(stateDir).handle('status', () => 'reborn');
    await server.listen();

    expect(err.code).toBe('FERRY_DAEMON_NOT_RUNNING');
    expect(await requestDaemon(stateDir, 'status')).toBe('reborn');
  });

  it('throws FERRY_DAEMON_NOT_RUNNING for a deep state dir whose daemon never recorded a socket', async () => {
    const stateDir = join(makeTempDir(), 'c'.repeat(70), 'd'.repeat(70));
    mkdirSync(stateDir, { recursive: true });

    expect((await failure(requestDaemon(stateDir, 'status'))).code).toBe('FERRY_DAEMON_NOT_RUNNING');
  });

  it('gives up with FERRY_DAEMON_TIMEOUT when the daemon takes the request but never answers', async () => {
    const stateDir = makeTempDir();
    const clock = new ManualClock();
    let reached!: () => void;
    const requestArrived = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const server = serverIn(stateDir).handle('status', () => {
      reached();
      return new Promise(() => {});
    });
    await server.listen();

    const answer = failure(requestDaemon(stateDir, 'status', {}, { timeoutMs: 2_000, clock }));
    await requestArrived;
    await clock.advance(1_999);
    expect(clock.pending).toBe(1);
    await clock.advance(1);

    expect((await answer).code).toBe('FERRY_DAEMON_TIMEOUT');
  });

  it('throws FERRY_DAEMON_UNREACHABLE when the daemon hangs up without answering', async () => {
    const stateDir = makeTempDir();
    const rude = createServer((socket) => socket.on('data', () => socket.destroy()));
    await new Promise<void>((resolve) => rude.listen(join(stateDir, 'ferry.sock'), resolve));
    onTestFinished(() => new Promise<void>((resolve) => rude.close(() => resolve())));

    expect((await failure(requestDaemon(stateDir, 'status'))).code).toBe('FERRY_DAEMON_UNREACHABLE');
  });

  it("rejects with the signal's reason when aborted, and leaves no timer behind", async () => {
    const stateDir = makeTempDir();
    const clock = new ManualClock();
    await serverIn(stateDir)
      .handle('status', () => new Promise(() => {}))
      .listen();
    const controller = new AbortController();
    const reason = new Error('user pressed ^C');

    const answer = failure(requestDaemon(stateDir, 'status', {}, { clock, signal: controller.signal }));
    controller.abort(reason);

    expect(await answer).toBe(reason);
    expect(clock.pending).toBe(0);
    expect(existsSync(join(stateDir, 'ferry.sock'))).toBe(true);
  });
});
