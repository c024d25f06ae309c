import { existsSync, lstatSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { UsageError } from '../errors/codes.js';
import { captureLogger } from './__fixtures__/capture-logger.js';
import { makeTempDir } from './__fixtures__/temp-dir.js';
import { requestDaemon } from './status-client.js';
import { StatusServer } from './status-server.js';
import { socketPathFile } from './status-socket-path.js';

function startServer(stateDir = makeTempDir()) {
  const { logger, lines } = captureLogger();
  const server = new StatusServer({ stateDir, logger });
  onTestFinished(() => server.close());
  return { server, stateDir, logs: lines };
}

/** Sends raw bytes and collects `count` answer lines, for what the typed client never sends. */
function rawExchange(path: string, payload: string, count: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path, () => socket.write(payload));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const lines = text.split('\n').filter((l) => l !== '');
      if (lines.length >= count) {
        socket.destroy();
        resolve(lines.map((l) => JSON.parse(l)));
      }
    });
    socket.on('error', reject);
  });
}

async function failure(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('expected a failure');
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  return (await failure(promise)).code;
}

describe('StatusServer', () => {
  it('answers a registered op with its result, passing the other request fields as args', async () => {
    const { server, stateDir } = startServer();
    server.handle('status', (args) => ({ pid: process.pid, echo: args }));
    const path = await server.listen();

    const result = await requestDaemon(stateDir, 'status', { verbose: true });

    expect(path).toBe(join(stateDir, 'ferry.sock'));
    expect(result).toEqual({ pid: process.pid, echo: { verbose: true } });
  });

  it('creates the socket 0600 even under a permissive umask', async () => {
    const previous = process.umask(0);
    onTestFinished(() => void process.umask(previous));
    const { server } = startServer();

    const path = await server.listen();

    expect(lstatSync(path).mode & 0o777).toBe(0o600);
  });

  it('answers an unknown op with FERRY_DAEMON_UNKNOWN_OP naming the ops it knows', async () => {
    const { server, stateDir } = startServer();
    server.handle('status', () => 'ok').handle('stop', () => 'ok');
    await server.listen();

    const err = await failure(requestDaemon(stateDir, 'journal'));

    expect(err.code).toBe('FERRY_DAEMON_UNKNOWN_OP');
    expect(err.message).toContain('status, stop');
  });

  it("passes a handler's Ferry error code through, and codes any other failure FERRY_DAEMON_OP_FAILED", async () => {
    const { server, stateDir, logs } = startServer();
    server.handle('usage', () => {
      throw new UsageError('say it differently');
    });
    server.handle('crash', async () => {
      throw new Error('kaboom');
    });
    server.handle('bigint', () => 1n);
    await server.listen();

    expect(await codeOf(requestDaemon(stateDir, 'usage'))).toBe('FERRY_USAGE');
    expect(await codeOf(requestDaemon(stateDir, 'crash'))).toBe('FERRY_DAEMON_OP_FAILED');
    expect(await codeOf(requestDaemon(stateDir, 'bigint'))).toBe('FERRY_DAEMON_OP_FAILED');
    expect(logs.filter((l) => l.level === 50).map((l) => l.op)).toEqual(['crash', 'bigint']);
  });

  it('answers malformed lines with FERRY_DAEMON_BAD_REQUEST and keeps serving the connection', async () => {
    const { server } = startServer();
    server.handle('status', () => 'fine');
    const path = await server.listen();

    const answers = await rawExchange(path, 'not json\n["op"]\n{"op":"status"}\n', 3);

    expect(answers).toEqual([
      { ok: false, error: { code: 'FERRY_DAEMON_BAD_REQUEST', message: expect.any(String) } },
      { ok: false, error: { code: 'FERRY_DAEMON_BAD_REQUEST', message: expect.any(String) } },
      { ok: true, result: 'fine' },
    ]);
  });

  it('answers pipelined requests in request order even when the first is slower', async () => {
    const { server } = startServer();
    server.handle('slow', () => new Promise((resolve) => setTimeout(() => resolve('slow'), 50)));
    server.handle('fast', () => 'fast');
    const path = await server.listen();

    const answers = await rawExchange(path, '{"op":"slow"}\n{"op":"fast"}\n', 2);

    expect(answers).toEqual([
      { ok: true, result: 'slow' },
      { ok: true, result: 'fast' },
    ]);
  });

  it('refuses to register the same op twice with FERRY_DAEMON_OP_DUPLICATE', () => {
    const { server } = startServer();
    server.handle('status', () => 1);

    expect(() => server.handle('status', () => 2)).toThrow(
      expect.objectContaining({ code: 'FERRY_DAEMON_OP_DUPLICATE' }),
    );
  });

  it('removes its socket on close, after which clients hear FERRY_DAEMON_NOT_RUNNING', async () => {
    const { server, stateDir } = startServer();
    server.handle('status', () => 1);
    const path = await server.listen();

    await server.close();
    await server.close();

    expect(existsSync(path)).toBe(false);
    expect(await codeOf(requestDaemon(stateDir, 'status'))).toBe('FERRY_DAEMON_NOT_RUNNING');
  });

  it('refuses with FERRY_STATUS_SOCKET to replace something at the socket path that is not a socket', async () => {
    const { server, stateDir } = startServer();
    writeFileSync(join(stateDir, 'ferry.sock'), 'a user file');

    expect(await codeOf(server.listen())).toBe('FERRY_STATUS_SOCKET');
    expect(readFileSync(join(stateDir, 'ferry.sock'), 'utf8')).toBe('a user file');
  });

  it('listens in a private temp dir when the state dir is too deep for a socket path, and clients follow', async () => {
    const stateDir = join(makeTempDir(), 'a'.repeat(60), 'b'.repeat(60));
    mkdirSync(stateDir, { recursive: true });
    const { server } = startServer(stateDir);
    server.handle('status', () => 'deep');

    const path = await server.listen();

    expect(Buffer.byteLength(path)).toBeLessThanOrEqual(107);
    expect(path.startsWith(tmpdir()) || path.startsWith('/tmp/')).toBe(true);
    expect(lstatSync(join(path, '..')).mode & 0o777).toBe(0o700);
    expect(readFileSync(socketPathFile(stateDir), 'utf8').trim()).toBe(path);
    expect(existsSync(join(stateDir, 'ferry.sock'))).toBe(false);
    expect(await requestDaemon(stateDir, 'status')).toBe('deep');

    await server.close();
    expect(existsSync(path)).toBe(false);
    expect(existsSync(socketPathFile(stateDir))).toBe(false);
  });
});
