import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngineEvent, Logger, PluginContext, RunRequest } from '@ferry/core';
import { SystemClock } from '@ferry/core';
import { runningInGroup, waitForGroupGone } from '@ferry/core/testing';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { compileDemoAgent } from './__fixtures__/compile-demo-agent.js';
import { DemoRunner } from './demo-runner.js';

let dir: string;
let agentScript: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ferry-engine-demo-'));
  agentScript = await compileDemoAgent(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function makeRunner(skipped: string[] = []): DemoRunner {
  const logger = { debug: (obj: { line: string }) => skipped.push(obj.line) } as unknown as Logger;
  const ctx: PluginContext = {
    id: 'demo',
    kind: 'engine',
    packageName: '@ferry/engine-demo',
    packageDir: dir,
    stateDir: dir,
    logger,
    store: { get: () => undefined, set() {}, delete() {}, keys: () => [] },
    childEnv: (extra) => ({ ...process.env, ...extra }),
    projectChats: () => [],
    requestShutdown() {},
  };
  return new DemoRunner({ delayMs: 1, agentScript, graceMs: 2000 }, new SystemClock(), ctx);
}

function request(prompt: string, resume?: string): RunRequest {
  return {
    prompt,
    cwd: dir,
    resume,
    session: 'console:local',
    chat: { transport: 'console', chat: 'local' },
  };
}

async function collect(events: AsyncIterable<EngineEvent>): Promise<EngineEvent[]> {
  const out: EngineEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

/** The engine contract: one `started` first, paired actions, one `completed` last. */
function expectContract(events: EngineEvent[]): Extract<EngineEvent, { type: 'completed' }> {
  expect(events[0]?.type).toBe('started');
  expect(events.filter((e) => e.type === 'started')).toHaveLength(1);
  expect(events.at(-1)?.type).toBe('completed');
  expect(events.filter((e) => e.type === 'completed')).toHaveLength(1);
  const actions = events.filter((e) => e.type === 'action');
  const started = actions.filter((a) => a.phase === 'started').map((a) => a.action.id);
  const completed = actions.filter((a) => a.phase === 'completed').map((a) => a.action.id);
  expect(completed).toEqual(started);
  return events.at(-1) as Extract<EngineEvent, { type: 'completed' }>;
}

function startedOf(events: EngineEvent[]): Extract<EngineEvent, { type: 'started' }> {
  return events[0] as Extract<EngineEvent, { type: 'started' }>;
}

describe('DemoRunner', () => {
  test('emits started, paired actions and a completed answer that says it is a demo', async () => {
    const events = await collect(makeRunner().run(request('hello there'), new AbortController().signal));

    const completed = expectContract(events);
    const started = startedOf(events);
    expect(started.resume).toMatch(/^[0-9a-f-]{36}$/);
    expect(started.meta).toMatchObject({ model: 'demo', demo: true });
    expect(
      events.filter((e) => e.type === 'action').map((e) => e.type === 'action' && e.action.title),
    ).toEqual([
      `List files in ${dir}`,
      `List files in ${dir}`,
      'Count the words of the prompt',
      'Count the words of the prompt',
      'Read the clock',
      'Read the clock',
    ]);
    expect(completed).toMatchObject({ ok: true, resume: started.resume, usage: { costUsd: 0 } });
    expect(completed.answer).toContain('Demo engine here (no AI). You said: "hello there" (2 words)');
    expect(completed.answer).toContain(`files in ${dir}`);
  });

  test('resuming keeps the session id and counts the turn', async () => {
    const runner = makeRunner();
    const first = await collect(runner.run(request('one'), new AbortController().signal));
    const token = startedOf(first).resume;

    const second = await collect(runner.run(request('two', token), new AbortController().signal));

    expect(startedOf(second).resume).toBe(token);
    expect(expectContract(second).answer).toContain(`turn 2 of demo session ${token}`);
  });

  test('formats a resume line and finds the token in it again', () => {
    const runner = makeRunner();
    const token = '0b6a7c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b';
    expect(runner.resume.format(token)).toBe(`demo --resume ${token}`);
    expect(runner.resume.extract(`done · 3 s\n\`${runner.resume.format(token)}\``)).toBe(token);
    expect(runner.resume.extract('no token here')).toBeUndefined();
  });

  test('cancel stops the whole process group and completes as cancelled', async () => {
    const controller = new AbortController();
    const events: EngineEvent[] = [];
    let pgid = 0;
    for await (const event of makeRunner().run(request('sleep 30'), controller.signal)) {
      events.push(event);
      if (event.type === 'started') pgid = event.meta?.pid as number;
      if (event.type === 'action' && event.phase === 'started') {
        onTestFinished(() => {
          for (const pid of runningInGroup(pgid)) process.kill(pid, 'SIGKILL');
        });
        // the agent and its sleeping tool, which starts just after the tool_use line
        await expect.poll(() => runningInGroup(pgid).length).toBe(2);
        controller.abort(new Error('user cancelled'));
      }
    }

    expect(expectContract(events)).toMatchObject({ ok: false, error: 'cancelled' });
    expect(events.find((e) => e.type === 'action' && e.phase === 'completed')).toMatchObject({ ok: false });
    expect(await waitForGroupGone(pgid)).toEqual([]);
  });

  test('an error result completes with ok false and the reason', async () => {
    const events = await collect(makeRunner().run(request('please\nfail'), new AbortController().signal));
    expect(expectContract(events)).toMatchObject({
      ok: false,
      error: expect.stringContaining('Demo failure'),
    });
  });

  test('a process that dies without a result completes with its exit code and last stderr line', async () => {
    const events = await collect(makeRunner().run(request('crash'), new AbortController().signal));
    const completed = expectContract(events);
    expect(completed.ok).toBe(false);
    expect(completed.error).toMatch(/exited with code 2 before its result: demo-agent: crash requested/);
    expect(completed.resume).toBe(startedOf(events).resume);
  });

  test('non-JSON lines and unknown event types are skipped', async () => {
    const skipped: string[] = [];
    const events = await collect(makeRunner(skipped).run(request('noise'), new AbortController().signal));
    expect(expectContract(events).ok).toBe(true);
    expect(skipped).toEqual(['this line is not JSON']);
  });

  test('a run that cannot start still completes, with the reason', async () => {
    const req = { ...request('hi'), cwd: join(dir, 'missing') };
    const events = await collect(makeRunner().run(req, new AbortController().signal));
    expect(expectContract(events)).toMatchObject({
      ok: false,
      error: expect.stringContaining('does not exist'),
    });
  });

  test('a run aborted before it starts completes as cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const events = await collect(makeRunner().run(request('hi', 'prev-token'), controller.signal));
    expect(startedOf(events).resume).toBe('prev-token');
    expect(expectContract(events)).toMatchObject({ ok: false, error: 'cancelled' });
  });
});
