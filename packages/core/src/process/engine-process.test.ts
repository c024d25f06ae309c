import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, onTestFinished, test } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { SystemClock } from '../clock/system-clock.js';
import { isRunning, killGroup, waitUntilGone } from './__fixtures__/process-probe.js';
import { type EngineProcess, type EngineProcessOptions, startEngineProcess } from './engine-process.js';

const fixture = (name: string) => fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));

async function start(script: string, extra: Partial<EngineProcessOptions> = {}): Promise<EngineProcess> {
  const proc = await startEngineProcess({
    cwd: process.cwd(),
    env: process.env,
    clock: new SystemClock(),
    ...extra,
    command: process.execPath,
    args: [fixture(script), ...(extra.args ?? [])],
  });
  onTestFinished(() => killGroup(proc.pid));
  return proc;
}

async function firstLine(proc: EngineProcess): Promise<string> {
  const next = await proc.lines[Symbol.asyncIterator]().next();
  if (next.done) throw new Error('stdout ended before the first line');
  return next.value;
}

async function allLines(proc: EngineProcess): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of proc.lines) lines.push(line);
  return lines;
}

describe('startEngineProcess', () => {
  test('streams stdout lines in order, feeds stdin text and reports the exit code', async () => {
    const proc = await start('chatty.mjs', { args: ['3'], stdin: { text: 'hello' } });
    const lines = await allLines(proc);
    expect(lines[0]).toBe('stdin HELLO');
    expect(lines.slice(1)).toEqual(Array.from({ length: 500 }, (_, i) => `line ${i + 1}`));
    expect(await proc.exit).toEqual({ code: 3, signal: null });
  });

  test("with stdin 'pipe' the caller writes the child's input and closes it", async () => {
    const proc = await start('chatty.mjs', { stdin: 'pipe' });
    proc.stdin!.end('typed later');
    expect(await firstLine(proc)).toBe('stdin TYPED LATER');
    await proc.exit;
  });

  test('keeps only the tail of stderr', async () => {
    const proc = await start('chatty.mjs', { stdin: { text: '' } });
    await proc.exit;
    expect(proc.stderrTail().endsWith('tail-end')).toBe(true);
    expect(proc.stderrTail().length).toBeLessThanOrEqual(8192);
  });

  test('reports death by signal', async () => {
    const proc = await startEngineProcess({
      command: process.execPath,
      args: ['-e', "process.kill(process.pid, 'SIGKILL')"],
      cwd: process.cwd(),
      env: process.env,
      clock: new SystemClock(),
    });
    expect(await proc.exit).toEqual({ code: null, signal: 'SIGKILL' });
  });

  test('stop ends the whole process tree, grandchildren included', async () => {
    const proc = await start('tree.mjs');
    const grandchild = Number((await firstLine(proc)).split(' ')[1]);
    onTestFinished(() => killGroup(grandchild));
    expect(isRunning(grandchild)).toBe(true);

    await proc.stop('test');

    expect(await proc.exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await waitUntilGone(proc.pid)).toBe(true);
    expect(await waitUntilGone(grandchild)).toBe(true);
    expect(proc.stopReason).toBe('test');
  });

  test('waits the grace on the clock, then SIGKILLs a child that ignores SIGTERM', async () => {
    const clock = new ManualClock();
    const proc = await start('stubborn.mjs', { clock, graceMs: 5000 });
    const lines = proc.lines[Symbol.asyncIterator]();
    expect((await lines.next()).value).toBe('ready');

    const stopped = proc.stop();
    expect((await lines.next()).value).toBe('got SIGTERM');
    while (clock.pending === 0) await delay(5);
    await clock.advance(4999);
    expect(isRunning(proc.pid)).toBe(true);

    await clock.advance(1);
    await stopped;
    expect(await proc.exit).toEqual({ code: null, signal: 'SIGKILL' });
  });

  test('an aborted signal stops the group', async () => {
    const controller = new AbortController();
    const proc = await start('tree.mjs', { signal: controller.signal });
    const grandchild = Number((await firstLine(proc)).split(' ')[1]);
    onTestFinished(() => killGroup(grandchild));

    controller.abort(new Error('user cancelled'));

    expect((await proc.exit).signal).toBe('SIGTERM');
    expect(proc.stopReason).toBe('user cancelled');
    expect(await waitUntilGone(grandchild)).toBe(true);
  });

  test('processes left in the group when the leader exits are killed, so stdout ends', async () => {
    const proc = await start('straggler.mjs');
    const lines = await allLines(proc);
    const grandchild = Number(lines[0]!.split(' ')[1]);
    onTestFinished(() => killGroup(grandchild));
    expect(await proc.exit).toEqual({ code: 0, signal: null });
    expect(await waitUntilGone(grandchild)).toBe(true);
  });

  test('an unknown command fails with FERRY_ENGINE_SPAWN naming the command and the path key', async () => {
    const failure = startEngineProcess({
      command: 'ferry-no-such-engine',
      args: [],
      cwd: process.cwd(),
      env: process.env,
      clock: new SystemClock(),
      pathKey: 'engines.claude.path',
    });
    await expect(failure).rejects.toMatchObject({
      code: 'FERRY_ENGINE_SPAWN',
      message: expect.stringMatching(/"ferry-no-such-engine" not found on PATH; set engines\.claude\.path/),
    });
  });

  test('a missing working directory is named as such, not as a missing command', async () => {
    const failure = startEngineProcess({
      command: process.execPath,
      args: [],
      cwd: '/nonexistent/ferry-test-dir',
      env: process.env,
      clock: new SystemClock(),
    });
    await expect(failure).rejects.toMatchObject({
      code: 'FERRY_ENGINE_SPAWN',
      message: expect.stringContaining('working directory /nonexistent/ferry-test-dir does not exist'),
    });
  });

  test("the child does not see the supervisor's socket-activation and notify variables", async () => {
    const proc = await startEngineProcess({
      command: process.execPath,
      args: ['-e', 'console.log(JSON.stringify(Object.keys(process.env)))'],
      cwd: process.cwd(),
      env: {
        PATH: '/usr/bin',
        LISTEN_FDS: '1',
        LISTEN_PID: '1',
        LISTEN_FDNAMES: 'x',
        NOTIFY_SOCKET: '/run/x',
      },
      clock: new SystemClock(),
    });
    expect(JSON.parse(await firstLine(proc))).toEqual(['PATH']);
    await proc.exit;
  });

  test('registers a host-exit hook while the child runs and removes it afterwards', async () => {
    const before = process.listenerCount('exit');
    const proc = await start('stubborn.mjs');
    expect(await firstLine(proc)).toBe('ready');
    expect(process.listenerCount('exit')).toBe(before + 1);
    process.kill(-proc.pid, 'SIGKILL');
    await proc.exit;
    expect(process.listenerCount('exit')).toBe(before);
  });
});
