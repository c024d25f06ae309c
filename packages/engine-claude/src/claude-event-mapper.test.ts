import type { EngineEvent, JsonObject, PluginStore } from '@ferry/core';
import { MemoryPluginStore } from '@ferry/core/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { fixtureNames, loadFixture } from './__fixtures__/claude-fixtures.js';
import { ClaudeEventMapper } from './claude-event-mapper.js';
import { ClaudeSessionCosts } from './claude-session-costs.js';

type Completed = Extract<EngineEvent, { type: 'completed' }>;
type Started = Extract<EngineEvent, { type: 'started' }>;

const covered = new Set<string>();

/** Feeds a recorded run through the mapper as the runner does: lines, then the exit if no result. */
function replay(
  name: string,
  opts: { store?: PluginStore; resumed?: boolean; edit?: (e: JsonObject) => JsonObject } = {},
) {
  covered.add(name);
  const run = loadFixture(name);
  const costs = new ClaudeSessionCosts(opts.store ?? new MemoryPluginStore());
  const mapper = new ClaudeEventMapper({
    cwd: '/home/user/project',
    costOfRun: (id, result) => costs.costOfRun(id, result, opts.resumed ?? false),
  });
  const events: EngineEvent[] = [];
  for (const line of run.events) {
    events.push(...mapper.map(opts.edit ? opts.edit(line) : line));
    if (mapper.completed) break;
  }
  events.push(...mapper.finish({ kind: 'exited', ...run.exit, stderr: run.stderr }));
  expectContract(events);
  const sessionId = run.events[0]?.session_id as string | undefined;
  return {
    events,
    mapper,
    sessionId,
    started: events[0] as Started,
    completed: events.at(-1) as Completed,
    actions: events.filter((e) => e.type === 'action'),
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

describe('ClaudeEventMapper on the recorded claude runs', () => {
  test('text: init starts with the session id and model, the result is the answer with usage and cost', () => {
    const { events } = replay('text');
    expect(events).toEqual([
      {
        type: 'started',
        resume: '4028c006-77bf-4d62-939a-22f378af90e0',
        meta: { model: 'claude-opus-5-5', version: '2.1.328', permissionMode: 'default' },
      },
      {
        type: 'completed',
        ok: true,
        answer: 'Hi! How can I help you today?',
        resume: '4028c006-77bf-4d62-939a-22f378af90e0',
        usage: { inputTokens: 12, outputTokens: 8, costUsd: 0.000208 },
      },
    ]);
  });

  test('text-partial: stream_event and system/status lines are skipped', () => {
    const { events, completed } = replay('text-partial', {});
    expect(events.map((e) => e.type)).toEqual(['started', 'completed']);
    expect(completed).toMatchObject({ ok: true, answer: 'Hi! How can I help you today?' });
  });

  test('tool: a Bash call is a `$ command` action closed ok by its tool_result', () => {
    const { actions, completed, sessionId } = replay('tool');
    const action = {
      id: 'toolu_95ee8813b4a510807fb3c0df',
      kind: 'command',
      title: '$ echo hello',
      detail: 'Print hello',
    };
    expect(actions).toEqual([
      { type: 'action', action, phase: 'started' },
      { type: 'action', action, phase: 'completed', ok: true },
    ]);
    expect(completed).toEqual({
      type: 'completed',
      ok: true,
      answer: 'The command printed: hello',
      resume: sessionId,
      usage: { inputTokens: 24, outputTokens: 19, costUsd: 0.000476 },
    });
  });

  test('tool-denied: permission_denied marks the call failed with the reason; the turn still succeeds', () => {
    const { actions, completed } = replay('tool-denied');
    expect(actions.map((a) => a.type === 'action' && [a.phase, a.action.title, a.ok])).toEqual([
      ['started', '$ touch created-by-tool.txt', undefined],
      ['completed', '$ touch created-by-tool.txt', false],
    ]);
    const done = actions[1] as Extract<EngineEvent, { type: 'action' }>;
    expect(done.action.detail).toMatch(
      /^permission denied: touch in '\/home\/user\/project\/created-by-tool.txt' needs approval/,
    );
    expect(completed).toMatchObject({ ok: true, answer: 'I was not allowed to create the file.' });
  });

  test('resume-first then resume: same session id; each run costs its own turn, not the session total', () => {
    const store = new MemoryPluginStore();
    const first = replay('resume-first', { store });
    const second = replay('resume', { store, resumed: true });
    expect(second.started.resume).toBe(first.started.resume);
    expect(first.completed).toMatchObject({ ok: true, answer: 'Noted: the secret word is pelican.' });
    expect(second.completed).toMatchObject({
      ok: true,
      answer: 'The secret word was pelican.',
      resume: first.started.resume,
      usage: { inputTokens: 12, outputTokens: 8, costUsd: 0.000208 },
    });
    // the recorded cumulative total after the resume was 0.000416
    expect(store.get(`session-cost:${first.sessionId}`)).toBe(0.000416);
  });

  test('resume without the per-turn figure: the cost is the delta against the stored session total', () => {
    const withoutTurnCost = (e: JsonObject) => {
      const { model_usage_since_last_result: _, ...rest } = e;
      return rest;
    };
    const store = new MemoryPluginStore();
    replay('resume-first', { store, edit: withoutTurnCost });
    expect(replay('resume', { store, resumed: true, edit: withoutTurnCost }).completed.usage?.costUsd).toBe(
      0.000208,
    );
    // a resumed session Ferry has no record of: unknown rather than the whole session's cost
    expect(
      replay('resume', { store: new MemoryPluginStore(), resumed: true, edit: withoutTurnCost }).completed
        .usage,
    ).toEqual({ inputTokens: 12, outputTokens: 8 });
  });

  test('stream-input: the run ends at the first result; a later turn is not mapped', () => {
    const { events, completed } = replay('stream-input');
    expect(events.map((e) => e.type)).toEqual(['started', 'completed']);
    expect(completed).toMatchObject({ ok: true, answer: 'First answer.', usage: { costUsd: 0.000208 } });
  });

  test('error-401: an API error result completes failed with the status, type and text, said once', () => {
    const { completed, mapper } = replay('error-401');
    expect(completed).toMatchObject({
      ok: false,
      answer: '',
      error: 'Claude API error 401 (authentication_error): Invalid API key · Fix external API key',
      usage: { inputTokens: 0, outputTokens: 0, costUsd: 0 },
    });
    expect(mapper.error?.code).toBe('FERRY_CLAUDE_API_ERROR');
  });

  test('error-401-retries: each api_retry is a note, failed when the next retry or the error follows', () => {
    const { actions, completed } = replay('error-401-retries');
    const started = actions.filter((a) => a.type === 'action' && a.phase === 'started');
    expect(started).toHaveLength(10);
    expect(started[0]).toMatchObject({
      action: { kind: 'note', title: 'API retry 1/10 in 0.5 s (authentication_failed, HTTP 401)' },
    });
    expect(started[9]).toMatchObject({
      action: { title: 'API retry 10/10 in 33.8 s (authentication_failed, HTTP 401)' },
    });
    expect(
      actions
        .filter((a) => a.type === 'action' && a.phase === 'completed')
        .map((a) => a.type === 'action' && a.ok),
    ).toEqual(Array(10).fill(false));
    expect(completed.error).toBe(
      'Claude API error 401 (authentication_error): Invalid API key · Fix external API key',
    );
  });

  test('error-500 and error-529: the API error names status and type', () => {
    expect(replay('error-500').completed.error).toMatch(
      /^Claude API error 500 \(api_error\): API Error: 500 Internal server error\. This is a server-side issue/,
    );
    const overloaded = replay('error-529');
    expect(overloaded.completed.error).toMatch(
      /^Claude API error 529 \(overloaded_error\): API Error: 529 Overloaded\./,
    );
    expect(overloaded.actions.map((a) => a.type === 'action' && [a.action.title, a.phase, a.ok])).toEqual([
      ['API retry 1/1 in 0.5 s (overloaded, HTTP 529)', 'started', undefined],
      ['API retry 1/1 in 0.5 s (overloaded, HTTP 529)', 'completed', false],
    ]);
  });

  test('error-midstream: the CLI recovers silently; usage counts the aborted stream too', () => {
    expect(replay('error-midstream').completed).toMatchObject({
      ok: true,
      answer: 'Answer served to the request that followed the stream error.',
      usage: { inputTokens: 24, outputTokens: 9, costUsd: 0.000208 },
    });
  });

  test('no-verbose: nothing on stdout and exit 1 is a clear error quoting stderr', () => {
    const { events, mapper } = replay('no-verbose');
    expect(events).toEqual([
      { type: 'started', resume: '', meta: {} },
      {
        type: 'completed',
        ok: false,
        answer: '',
        error: expect.stringMatching(
          /^claude exited with code 1 without printing any event: Error: When using --print, --output-format=stream-json requires --verbose — check engines\.claude\.path/,
        ),
      },
    ]);
    expect(mapper.error?.code).toBe('FERRY_CLAUDE_NO_OUTPUT');
  });

  test('sigterm: exit 143 without a result completes failed, keeping the session and the text so far', () => {
    const { completed, actions, sessionId, mapper } = replay('sigterm');
    expect(actions.map((a) => a.type === 'action' && [a.phase, a.action.title, a.ok])).toEqual([
      ['started', '$ echo hello', undefined],
      ['completed', '$ echo hello', true],
    ]);
    expect(completed).toEqual({
      type: 'completed',
      ok: false,
      answer: "I'll run that command.",
      resume: sessionId,
      error: 'claude exited with code 143 (SIGTERM) before its result',
    });
    expect(mapper.error?.code).toBe('FERRY_CLAUDE_EXITED');
  });

  test('sigterm-tool: the killed tool reports "Exit code 137" and closes failed', () => {
    const { actions, completed } = replay('sigterm-tool');
    expect(actions.map((a) => a.type === 'action' && [a.phase, a.action.title, a.ok])).toEqual([
      ['started', '$ tail -f /dev/null', undefined],
      ['completed', '$ tail -f /dev/null', false],
    ]);
    expect(completed).toMatchObject({ ok: false, error: expect.stringContaining('exited with code 143') });
  });

  test.each([
    ['control-allow', 'Done.', true],
    ['control-allow-noinit', 'Done.', true],
    ['control-ask', undefined, true],
    ['control-deny', 'Understood, I did not create x.txt.', false],
    ['control-noanswer', 'Done.', false],
    ['control-plan', 'Plan approved; I will create x.txt next.', true],
  ] as const)(
    '%s: the control lines are left to the runner; the turn maps as usual',
    (name, answer, toolOk) => {
      const { completed, actions } = replay(name);
      expect(completed.ok).toBe(true);
      if (answer) expect(completed.answer).toBe(answer);
      expect(actions.map((a) => a.type === 'action' && [a.phase, a.ok])).toEqual([
        ['started', undefined],
        ['completed', toolOk],
      ]);
    },
  );

  afterAll(() => {
    // every fixture copied into the repo is pinned by a test above
    expect([...covered].sort()).toEqual(fixtureNames());
  });
});

describe('ClaudeEventMapper on streams the CLI did not record', () => {
  const init = { type: 'system', subtype: 'init', session_id: 's1', model: 'm', cwd: '/p' };
  const toolUse = (id: string, name: string, input: object) => ({
    type: 'assistant',
    session_id: 's1',
    parent_tool_use_id: null,
    message: { content: [{ type: 'tool_use', id, name, input }] },
  });

  test('file tools show paths relative to the cwd; unknown tools their name; MCP tools server.tool', () => {
    const mapper = new ClaudeEventMapper({ cwd: '/p' });
    mapper.map(init);
    const titles = [
      toolUse('1', 'Edit', { file_path: '/p/src/a.ts' }),
      toolUse('2', 'Read', { file_path: '/etc/hosts' }),
      toolUse('3', 'Write', { file_path: 'rel.txt' }),
      toolUse('4', 'Grep', { pattern: 'TODO' }),
      toolUse('5', 'WebFetch', { url: 'https://example.org' }),
      toolUse('6', 'mcp__github__create_issue', {}),
      toolUse('7', 'Frobnicate', {}),
      toolUse('8', 'Bash', { command: 'npm test\n&& echo done' }),
    ].flatMap((e) => mapper.map(e).map((ev) => ev.type === 'action' && [ev.action.kind, ev.action.title]));
    expect(titles).toEqual([
      ['file', 'Edit src/a.ts'],
      ['file', 'Read /etc/hosts'],
      ['file', 'Write rel.txt'],
      ['file', 'Search for TODO'],
      ['web', 'Fetch https://example.org'],
      ['tool', 'github.create_issue'],
      ['tool', 'Frobnicate'],
      ['command', '$ npm test…'],
    ]);
  });

  test('a result closes tool calls left open as failed; nothing maps after it', () => {
    const mapper = new ClaudeEventMapper();
    mapper.map(init);
    mapper.map(toolUse('t1', 'Bash', { command: 'ls' }));
    const events = mapper.map({
      type: 'result',
      subtype: 'success',
      is_error: false,
      result: 'ok',
      session_id: 's1',
    });
    expect(events.map((e) => e.type)).toEqual(['action', 'completed']);
    expect(events[0]).toMatchObject({ phase: 'completed', ok: false });
    expect(mapper.map(toolUse('t2', 'Bash', { command: 'ls' }))).toEqual([]);
    expect(mapper.finish({ kind: 'cancelled' })).toEqual([]);
  });

  test('an interrupted turn (error_during_execution) fails with its terminal reason', () => {
    const mapper = new ClaudeEventMapper();
    mapper.map(init);
    const [done] = mapper.map({
      type: 'result',
      subtype: 'error_during_execution',
      is_error: true,
      terminal_reason: 'aborted_streaming',
      session_id: 's1',
    });
    expect(done).toMatchObject({
      ok: false,
      error: 'claude ended the turn with error_during_execution (aborted_streaming)',
    });
    expect(mapper.error?.code).toBe('FERRY_CLAUDE_RUN_FAILED');
  });

  test('a run cancelled before any line reports the resumed token', () => {
    const events = new ClaudeEventMapper({ fallbackResume: 'old' }).finish({ kind: 'cancelled' });
    expect(events).toEqual([
      { type: 'started', resume: 'old', meta: {} },
      { type: 'completed', ok: false, answer: '', resume: 'old', error: 'cancelled' },
    ]);
  });

  test('a process killed by a signal says so with the last stderr lines', () => {
    const mapper = new ClaudeEventMapper();
    mapper.map(init);
    const [done] = mapper.finish({ kind: 'exited', code: null, signal: 'SIGKILL', stderr: 'a\nb\n\nc\nd\n' });
    expect(done).toMatchObject({
      error: 'claude was killed by SIGKILL before its result: b\nc\nd',
      resume: 's1',
    });
  });
});
