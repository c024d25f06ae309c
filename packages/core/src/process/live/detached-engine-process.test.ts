import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, onTestFinished, test } from 'vitest';
import type { DetachedRun } from '../../api/detached-run.js';
import { SystemClock } from '../../clock/system-clock.js';
import { isRunning, killGroup, waitUntilGone } from '../__fixtures__/process-probe.js';
import { type EngineProcess, type EngineProcessOptions, startEngineProcess } from '../engine-process.js';
import { EngineSpawnError } from '../engine-spawn-error.js';
import { RunDir } from './run-dir.js';
import { RunDirIncompatibleError } from './start-detached.js';

const ticker = fileURLToPath(new URL('../__fixtures__/ticker.mjs', import.meta.url));

class Offer implements DetachedRun {
  released = false;
  readonly scope = 'session' as const;
  constructor(readonly dir: string) {}
}

function runDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'ferry-live-'));
  onTestFinished(() => rmSync(root, { recursive: true, force: true }));
  return join(root, 'runs', '1');
}

async function start(
  offer: Offer,
  args: string[],
  extra: Partial<EngineProcessOptions> = {},
): Promise<{ proc: EngineProcess; controller: AbortController }> {
  const controller = new AbortController();
  const proc = await startEngineProcess({
    command: process.execPath,
    args: [ticker, ...args],
    cwd: process.cwd(),
    env: process.env,
    clock: new SystemClock(),
    graceMs: 1000,
    signal: controller.signal,
    detach: offer,
    ...extra,
  });
  onTestFinished(() => killGroup(proc.pid));
  return { proc, controller };
}

async function take(iterator: AsyncIterator<string>, n: number): Promise<string[]> {
  const lines: string[] = [];
  while (lines.length < n) {
    const next = await iterator.next();
    if (next.done) break;
    lines.push(next.value);
  }
  return lines;
}

describe('live restore: an engine under its shim', () => {
  test('streams its output from the log and reports its exit code', async () => {
    const { proc } = await start(new Offer(runDir()), ['3', '10', '7']);
    const lines: string[] = [];
    for await (const line of proc.lines) lines.push(line);
    expect(lines).toEqual([`pid ${proc.pid}`, 'tick 1', 'tick 2', 'tick 3']);
    expect(await proc.exit).toEqual({ code: 7, signal: null });
    expect(proc.reattached).toBe(false);
  });

  test('runs on when the host lets go, and a new host re-attaches to the same engine', async () => {
    const offer = new Offer(runDir());
    const first = await start(offer, ['6', '150', '0']);
    const seen = await take(first.proc.lines[Symbol.asyncIterator](), 2);
    expect(seen).toEqual([`pid ${first.proc.pid}`, 'tick 1']);
    offer.released = true;
    first.controller.abort(new Error('host restarting'));
    await first.proc.exit;
    expect(isRunning(first.proc.pid)).toBe(true);

    const second = await start(new Offer(offer.dir), ['6', '150', '0']);
    expect(second.proc.reattached).toBe(true);
    expect(second.proc.pid).toBe(first.proc.pid);
    const lines: string[] = [];
    for await (const line of second.proc.lines) lines.push(line);
    // from the start again: the runner rebuilds its state from the whole output
    expect(lines).toEqual([`pid ${first.proc.pid}`, ...[1, 2, 3, 4, 5, 6].map((i) => `tick ${i}`)]);
    expect(await second.proc.exit).toEqual({ code: 0, signal: null });
  });

  test('keeps stdin open across a re-attach; ending it gives the engine its EOF', async () => {
    const offer = new Offer(runDir());
    const first = await start(offer, ['0', '0', '3', 'wait-eof'], { stdin: 'pipe' });
    const it = first.proc.lines[Symbol.asyncIterator]();
    first.proc.stdin!.write('one\n');
    expect(await take(it, 2)).toEqual([`pid ${first.proc.pid}`, 'got one']);
    offer.released = true;
    first.controller.abort(new Error('host restarting'));
    await first.proc.exit;

    const second = await start(new Offer(offer.dir), ['0', '0', '3', 'wait-eof'], { stdin: 'pipe' });
    expect(second.proc.previousInput()).toBe('one\n');
    second.proc.stdin!.end('two\n');
    const lines: string[] = [];
    for await (const line of second.proc.lines) lines.push(line);
    expect(lines).toEqual([`pid ${first.proc.pid}`, 'got one', 'got two', 'eof']);
    expect(await second.proc.exit).toEqual({ code: 3, signal: null });
  });

  test('an engine that finished while no host watched is read to its end', async () => {
    const offer = new Offer(runDir());
    const first = await start(offer, ['2', '20', '0']);
    offer.released = true;
    first.controller.abort(new Error('host restarting'));
    expect(await waitUntilGone(first.proc.pid)).toBe(true);
    const second = await start(new Offer(offer.dir), []);
    const lines: string[] = [];
    for await (const line of second.proc.lines) lines.push(line);
    expect(lines).toEqual([`pid ${first.proc.pid}`, 'tick 1', 'tick 2']);
    expect(await second.proc.exit).toEqual({ code: 0, signal: null });
  });

  test('cancel stops the engine group through its shim, with nothing left behind', async () => {
    const offer = new Offer(runDir());
    const { proc, controller } = await start(offer, ['1000', '50', '0']);
    await take(proc.lines[Symbol.asyncIterator](), 2);
    const shim = new RunDir(offer.dir).pid('shim')!;
    controller.abort(new Error('cancelled'));
    expect(await proc.exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(await waitUntilGone(proc.pid)).toBe(true);
    expect(await waitUntilGone(shim)).toBe(true);
  });

  test('names the config key when the executable is missing, and starts nothing', async () => {
    await expect(
      startEngineProcess({
        command: 'no-such-engine-cli',
        args: [],
        cwd: process.cwd(),
        env: process.env,
        clock: new SystemClock(),
        detach: new Offer(runDir()),
        pathKey: 'engines.x.path',
      }),
    ).rejects.toThrow(EngineSpawnError);
  });

  test('refuses a run directory of another protocol version', async () => {
    const dir = runDir();
    new RunDir(dir).create({
      command: 'x',
      args: [],
      cwd: '/',
      stdin: 'null',
      scope: 'session',
      startedAt: 0,
    });
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ protocol: 999 }));
    await expect(start(new Offer(dir), [])).rejects.toThrow(RunDirIncompatibleError);
  });
});
