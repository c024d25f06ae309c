import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ApprovalAnswer,
  type EngineEvent,
  type Logger,
  type RunRequest,
  SystemClock,
} from '@ferry/core';
import { createTestPluginContext } from '@ferry/core/testing';
import { describe, expect, onTestFinished, test } from 'vitest';
import { FAKE_CLAUDE } from './__fixtures__/claude-fixtures.js';
import { claudeConfigSchema } from './claude-config.js';
import { approvalOf, permissionResponse } from './claude-control.js';
import { ClaudeRunner } from './claude-runner.js';

type Completed = Extract<EngineEvent, { type: 'completed' }>;
type Approval = Extract<EngineEvent, { type: 'approval' }>;

function setup(answer: (a: Approval) => ApprovalAnswer | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-claude-ap-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const logger = { debug: () => {}, warn: () => {} } as unknown as Logger;
  const ctx = createTestPluginContext({
    id: 'claude',
    stateDir: dir,
    logger,
    childEnv: (extra) => ({ PATH: process.env.PATH ?? '', HOME: dir, ...extra }),
  });
  const config = claudeConfigSchema.parse({
    path: FAKE_CLAUDE,
    grace_s: 2,
    permission_mode: 'default',
    env: { FAKE_ENGINE_SPEED: '20', FAKE_ENGINE_ENV_DUMP: join(dir, 'calls.jsonl') },
  });
  const runner = new ClaudeRunner(config, new SystemClock(), ctx);
  const asked: Approval[] = [];
  const waiting = new Map<string, (a: ApprovalAnswer) => void>();
  // the host's side of the channel: the test answers as soon as the request is shown
  const approvals = {
    wait: (id: string) =>
      new Promise<ApprovalAnswer>((resolve) => {
        const a = asked.find((x) => x.request.id === id);
        const now = a ? answer(a) : undefined;
        if (now) resolve(now);
        else waiting.set(id, resolve);
      }),
  };
  const run = async (prompt: string, extra: Partial<RunRequest> = {}) => {
    const events: EngineEvent[] = [];
    const req = {
      prompt,
      cwd: dir,
      session: 'c:1',
      chat: { transport: 'c', chat: '1' },
      approvals,
      ...extra,
    };
    for await (const ev of runner.run(req, new AbortController().signal)) {
      if (ev.type === 'approval') {
        asked.push(ev);
        const now = answer(ev);
        if (now) waiting.get(ev.request.id)?.(now);
      }
      events.push(ev);
    }
    return events;
  };
  const argv = () => JSON.parse(readFileSync(join(dir, 'calls.jsonl'), 'utf8').split('\n')[0]!).argv;
  return { run, asked, argv, dir };
}

describe('ClaudeRunner: chat-native approvals over the control protocol', () => {
  test('asks with --permission-prompt-tool stdio, maps can_use_tool, and an allow runs the tool', async () => {
    const t = setup(() => ({ decision: 'allow', optionId: 'allow', by: 'Ann' }));
    const events = await t.run('case:control-allow create x.txt');
    expect(t.argv()).toEqual([
      '-p',
      '--input-format',
      'stream-json',
      '--output-format',
      'stream-json',
      '--verbose',
      '--permission-mode',
      'default',
      '--permission-prompt-tool',
      'stdio',
    ]);
    expect(t.asked[0]?.request).toEqual({
      id: '6ee2715f-e5a9-4861-92fb-d769f4a683a7',
      kind: 'tool',
      tool: 'Bash',
      category: 'shell',
      summary: '$ touch x.txt',
      details: 'Create x.txt',
      options: [
        { id: 'allow', label: 'Allow' },
        { id: 'deny', label: 'Deny' },
      ],
    });
    const types = events.map((e) => e.type);
    expect(types[0]).toBe('started');
    expect(types.at(-1)).toBe('completed');
    expect(types).toContain('approval');
    const done = events.at(-1) as Completed;
    expect(done).toMatchObject({ ok: true, answer: 'Done.' });
    expect(events.some((e) => e.type === 'action' && e.phase === 'completed' && e.ok === true)).toBe(true);
    expect(existsSync(join(t.dir, 'x.txt'))).toBe(true);
  });

  test('a deny reaches the model with our message', async () => {
    const t = setup(() => ({ decision: 'deny', optionId: 'deny', message: 'Ann denied this in chat.' }));
    const events = await t.run('case:control-allow create x.txt');
    expect((events.at(-1) as Completed).answer).toBe('Understood, I did not create x.txt.');
    expect(events.some((e) => e.type === 'action' && e.phase === 'completed' && e.ok === false)).toBe(true);
  });

  test('AskUserQuestion becomes a question with its options; the chosen label is the answer', async () => {
    const t = setup((a) => ({ decision: 'allow', optionId: a.request.options[0]!.id }));
    const events = await t.run('case:control-ask pick a library');
    expect(t.asked[0]?.request).toMatchObject({
      kind: 'question',
      summary: 'Which date library should we use?',
      options: [
        { id: 'o0', label: 'date-fns' },
        { id: 'o1', label: 'luxon' },
      ],
    });
    expect((events.at(-1) as Completed).ok).toBe(true);
  });

  test('the chat’s mode picks --permission-mode: plan shows the plan from the tool_use and approves it', async () => {
    const t = setup(() => ({ decision: 'allow', optionId: 'allow' }));
    const events = await t.run('case:control-plan plan x.txt', { approvalMode: 'plan' });
    expect(t.argv().join(' ')).toContain('--permission-mode plan --permission-prompt-tool stdio');
    expect(t.asked[0]?.request).toMatchObject({
      kind: 'tool',
      tool: 'ExitPlanMode',
      category: 'plan',
      details: '1. Create x.txt with touch.\n2. Report back.',
      options: [
        { id: 'allow', label: 'Approve plan' },
        { id: 'deny', label: 'Keep planning' },
      ],
    });
    expect(events.at(-1)).toMatchObject({ ok: true, answer: 'Plan approved; I will create x.txt next.' });
  });

  test('bypass runs claude with bypassPermissions and no control protocol; edits asks as default', async () => {
    const t = setup(() => undefined);
    await t.run('hello', { approvalMode: 'bypass' });
    expect(t.argv()).toEqual([
      '-p',
      'hello',
      '--output-format',
      'stream-json',
      '--verbose',
      '--permission-mode',
      'bypassPermissions',
    ]);
    const e = setup(() => ({ decision: 'allow' }));
    await e.run('case:control-allow create x.txt', { approvalMode: 'edits' });
    expect(e.argv().slice(-4)).toEqual(['--permission-mode', 'default', '--permission-prompt-tool', 'stdio']);
    expect(e.asked[0]?.request.category).toBe('shell');
  });
});

describe('permissionResponse: what claude gets back', () => {
  const ask = approvalOf(
    'r1',
    {
      subtype: 'can_use_tool',
      tool_name: 'AskUserQuestion',
      input: {
        questions: [
          { question: 'Library?', header: 'Lib', options: [{ label: 'date-fns' }, { label: 'luxon' }] },
          { question: 'Features?', multiSelect: true, options: [{ label: 'parse' }, { label: 'tz' }] },
        ],
      },
    },
    '/tmp',
  );

  test('every question becomes part of one request; multi-select is kept', () => {
    expect(
      ask.questions?.map((q) => [q.question, q.header, q.multiSelect ?? false, q.options.length]),
    ).toEqual([
      ['Library?', 'Lib', false, 2],
      ['Features?', undefined, true, 2],
    ]);
  });

  test('the answers go in updatedInput.answers next to the original input', () => {
    const req = { subtype: 'can_use_tool' as const, input: { questions: [] } };
    const answers = { 'Library?': 'luxon', 'Features?': 'parse, tz' };
    expect(permissionResponse(req, ask, { decision: 'allow', answers })).toEqual({
      behavior: 'allow',
      updatedInput: { questions: [], answers },
    });
    // an API 1.2 host answers with the option id only
    expect(permissionResponse(req, ask, { decision: 'allow', optionId: 'o1' })).toEqual({
      behavior: 'allow',
      updatedInput: { questions: [], answers: { 'Library?': 'luxon' } },
    });
  });

  test('an Edit shows what it changes; tools get their category', () => {
    const edit = approvalOf(
      'r2',
      {
        subtype: 'can_use_tool',
        tool_name: 'Edit',
        input: { file_path: '/tmp/a.ts', old_string: 'a', new_string: 'b\nc' },
      },
      '/tmp',
    );
    expect(edit).toMatchObject({ category: 'write', summary: 'Edit a.ts', details: '- a\n+ b\n+ c' });
    const read = approvalOf('r3', { subtype: 'can_use_tool', tool_name: 'Grep', input: {} }, '/tmp');
    expect(read.category).toBe('read');
    expect(approvalOf('r4', { subtype: 'can_use_tool', tool_name: 'mcp__x__y' }, '/tmp').category).toBe(
      'other',
    );
  });
});
