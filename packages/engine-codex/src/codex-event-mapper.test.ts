import type { EngineEvent, PluginStore } from '@ferry/core';
import { MemoryPluginStore } from '@ferry/core/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { fixtureNames, loadFixture } from './__fixtures__/codex-fixtures.js';
import { CodexEventMapper } from './codex-event-mapper.js';
import { CodexThreadUsage } from './codex-thread-usage.js';

type Completed = Extract<EngineEvent, { type: 'completed' }>;
type Started = Extract<EngineEvent, { type: 'started' }>;

const covered = new Set<string>();
const HIGH_DEMAND = 'We’re currently experiencing high demand, which may cause temporary errors.';

/** Feeds a recorded run through the mapper as the runner does: lines, then the exit if no turn end. */
function replay(name: string, opts: { store?: PluginStore; resumed?: boolean } = {}) {
  covered.add(name);
  const run = loadFixture(name);
  const usage = new CodexThreadUsage(opts.store ?? new MemoryPluginStore());
  const mapper = new CodexEventMapper({
    usageOfRun: (id, u) => usage.usageOfRun(id, u, opts.resumed ?? false),
  });
  const events: EngineEvent[] = [];
  for (const line of run.events) {
    events.push(...mapper.map(line));
    if (mapper.completed) break;
  }
  events.push(...mapper.finish({ kind: 'exited', ...run.exit, stderr: run.stderr }));
  expectContract(events);
  return {
    events,
    mapper,
    threadId: run.events[0]?.thread_id as string,
    started: events[0] as Started,
    completed: events.at(-1) as Completed,
    actions: events.flatMap((e) =>
      e.type === 'action' ? [[e.phase, e.action.kind, e.action.title, e.ok]] : [],
    ),
  };
}

function expectContract(events: EngineEvent[]): void {
  expect(events[0]?.type).toBe('started');
  expect(events.filter((e) => e.type === 'started')).toHaveLength(1);
  expect(events.at(-1)?.type).toBe('completed');
  expect(events.filter((e) => e.type === 'completed')).toHaveLength(1);
  const ids = (phase: string) =>
    events.flatMap((e) => (e.type === 'action' && e.phase === phase ? [e.action.id] : []));
  expect(ids('completed')).toEqual(ids('started'));
}

describe('CodexEventMapper on the recorded codex runs', () => {
  test('text: thread.started is the resume token; the agent message is the answer; usage from turn.completed', () => {
    expect(replay('text').events).toEqual([
      { type: 'started', resume: '01a209ae-3d31-7eb2-8519-fa8dd1950ff8', meta: {} },
      {
        type: 'completed',
        ok: true,
        answer: 'Hi! How can I help you today?',
        resume: '01a209ae-3d31-7eb2-8519-fa8dd1950ff8',
        usage: { inputTokens: 20, outputTokens: 8 },
      },
    ]);
  });

  test('text-no-analytics: the same stream, exiting at once', () => {
    expect(replay('text-no-analytics').completed).toMatchObject({
      ok: true,
      answer: 'Hi! How can I help you today?',
    });
  });

  test('tool: a command_execution is a `$ cmd` action without the bash -lc wrapper; the last message is the answer', () => {
    const { events, completed, threadId } = replay('tool');
    const action = { id: 'item_1', kind: 'command', title: '$ echo hello' };
    expect(events.filter((e) => e.type === 'action')).toEqual([
      { type: 'action', action, phase: 'started' },
      { type: 'action', action, phase: 'completed', ok: true },
    ]);
    expect(completed).toEqual({
      type: 'completed',
      ok: true,
      answer: 'The command printed: hello',
      resume: threadId,
      usage: { inputTokens: 40, outputTokens: 19 },
    });
  });

  test('resume-first, resume, resume-flags-first, resume-last: one thread; each run reports its own tokens', () => {
    const store = new MemoryPluginStore();
    const runs = [
      replay('resume-first', { store }),
      replay('resume', { store, resumed: true }),
      replay('resume-flags-first', { store, resumed: true }),
      replay('resume-last', { store, resumed: true }),
    ];
    expect(new Set(runs.map((r) => r.started.resume))).toEqual(
      new Set(['01a209ae-7826-7e50-adb2-edf0d070a270']),
    );
    expect(runs.map((r) => [r.completed.answer, r.completed.usage])).toEqual([
      ['Noted: the secret word is pelican.', { inputTokens: 20, outputTokens: 8 }],
      ['The secret word was pelican.', { inputTokens: 20, outputTokens: 8 }],
      ['The secret word was pelican.', { inputTokens: 20, outputTokens: 8 }],
      ['The secret word was pelican.', { inputTokens: 20, outputTokens: 8 }],
    ]);
  });

  test('resume of a thread Ferry has no record of: no usage rather than the thread total', () => {
    const { completed } = replay('resume', { resumed: true });
    expect(completed).toMatchObject({ ok: true, answer: 'The secret word was pelican.' });
    expect(completed.usage).toBeUndefined();
  });

  test('failed: turn.failed completes failed with its message and keeps the partial answer', () => {
    const { completed, mapper, threadId } = replay('failed');
    expect(completed).toEqual({
      type: 'completed',
      ok: false,
      answer: 'Partial answer.',
      resume: threadId,
      error:
        'codex turn failed: stream disconnected before completion: The model failed to produce a response.',
    });
    expect(mapper.error?.code).toBe('FERRY_CODEX_TURN_FAILED');
  });

  test('error-401 and error-500: the API refusal is the error', () => {
    expect(replay('error-401').completed.error).toMatch(
      /^codex turn failed: unexpected status 401 Unauthorized: Incorrect API key provided: dummy\., url: http:\/\/127\.0\.0\.1:\d+\/v1\/responses, request id: req_/,
    );
    expect(replay('error-500').completed).toMatchObject({
      ok: false,
      answer: '',
      error: `codex turn failed: ${HIGH_DEMAND}`,
    });
  });

  test('error-500-retries: "Reconnecting... N/5" errors are progress notes, not the failure', () => {
    const { actions, completed } = replay('error-500-retries');
    expect(actions).toEqual(
      [1, 2, 3, 4, 5].flatMap((n) => [
        ['started', 'note', `Reconnecting... ${n}/5 (${HIGH_DEMAND})`, undefined],
        ['completed', 'note', `Reconnecting... ${n}/5 (${HIGH_DEMAND})`, false],
      ]),
    );
    expect(completed).toMatchObject({ ok: false, error: `codex turn failed: ${HIGH_DEMAND}` });
  });

  test('sigterm: death by the signal without turn.completed fails, keeping the thread and the text so far', () => {
    const { actions, completed, threadId, mapper } = replay('sigterm');
    expect(actions).toEqual([
      ['started', 'command', '$ echo hello', undefined],
      ['completed', 'command', '$ echo hello', true],
    ]);
    expect(completed).toEqual({
      type: 'completed',
      ok: false,
      answer: "I'll run that command.",
      resume: threadId,
      error: 'codex was killed by SIGTERM before the turn ended',
    });
    expect(mapper.error?.code).toBe('FERRY_CODEX_EXITED');
  });

  test('sigterm-tool and sigterm-tool-native: the running command closes failed', () => {
    for (const name of ['sigterm-tool', 'sigterm-tool-native']) {
      const { actions, completed } = replay(name);
      expect(actions).toEqual([
        ['started', 'command', '$ tail -f /dev/null', undefined],
        ['completed', 'command', '$ tail -f /dev/null', false],
      ]);
      expect(completed).toMatchObject({ ok: false, answer: 'Running a slow command.' });
    }
  });

  afterAll(() => {
    // every fixture copied into the repo is pinned by a test above
    expect([...covered].sort()).toEqual(fixtureNames());
  });
});

describe('CodexEventMapper on streams the CLI did not record', () => {
  const started = { type: 'thread.started', thread_id: 't1' };

  test('file changes, MCP calls and web searches are actions; completed-only items still pair', () => {
    const mapper = new CodexEventMapper();
    mapper.map(started);
    const events = [
      {
        type: 'item.completed',
        item: {
          id: 'i1',
          type: 'file_change',
          changes: [{ path: 'src/a.ts', kind: 'update' }],
          status: 'completed',
        },
      },
      {
        type: 'item.started',
        item: { id: 'i2', type: 'mcp_tool_call', server: 'github', tool: 'search', status: 'in_progress' },
      },
      {
        type: 'item.completed',
        item: { id: 'i2', type: 'mcp_tool_call', server: 'github', tool: 'search', status: 'failed' },
      },
      { type: 'item.completed', item: { id: 'i3', type: 'web_search', query: 'vitest' } },
      { type: 'item.completed', item: { id: 'i4', type: 'reasoning', text: 'thinking' } },
    ].flatMap((e) =>
      mapper.map(e).map((ev) => ev.type === 'action' && [ev.phase, ev.action.kind, ev.action.title, ev.ok]),
    );
    expect(events).toEqual([
      ['started', 'file', 'Edit src/a.ts', undefined],
      ['completed', 'file', 'Edit src/a.ts', true],
      ['started', 'tool', 'github.search', undefined],
      ['completed', 'tool', 'github.search', false],
      ['started', 'web', 'Search the web for vitest', undefined],
      ['completed', 'web', 'Search the web for vitest', true],
    ]);
  });

  test('a failed command (non-zero exit) closes failed', () => {
    const mapper = new CodexEventMapper();
    mapper.map(started);
    const item = { id: 'c', type: 'command_execution', command: "/bin/bash -lc 'false'" };
    mapper.map({ type: 'item.started', item: { ...item, status: 'in_progress', exit_code: null } });
    expect(
      mapper.map({ type: 'item.completed', item: { ...item, status: 'failed', exit_code: 1 } }),
    ).toMatchObject([{ phase: 'completed', ok: false, action: { title: '$ false' } }]);
  });

  test('a stream cut after an error event fails with that error', () => {
    const mapper = new CodexEventMapper();
    mapper.map(started);
    mapper.map({ type: 'error', message: 'boom' });
    expect(mapper.finish({ kind: 'exited', code: 1, signal: null, stderr: '' })).toMatchObject([
      { type: 'completed', ok: false, error: 'codex turn failed: boom', resume: 't1' },
    ]);
  });

  test('no output and exit 2: the CLI refused its arguments, quoted from stderr', () => {
    const events = new CodexEventMapper({ fallbackResume: 'old' }).finish({
      kind: 'exited',
      code: 2,
      signal: null,
      stderr:
        "error: unexpected argument '--color' found\n\nUsage: codex exec resume [OPTIONS] [SESSION_ID] [PROMPT]\n\nFor more information, try '--help'.\n",
    });
    expect(events).toEqual([
      { type: 'started', resume: 'old', meta: {} },
      {
        type: 'completed',
        ok: false,
        answer: '',
        resume: 'old',
        error: expect.stringMatching(
          /^codex exited with code 2 without printing any event: error: unexpected argument '--color' found\nUsage: .*\nFor more information, try '--help'\. — check engines\.codex\.path/,
        ),
      },
    ]);
  });
});
