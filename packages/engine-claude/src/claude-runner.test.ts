import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Clock, type EngineEvent, type Logger, SystemClock } from '@ferry/core';
import { createTestPluginContext, ManualClock, runningInGroup, waitForGroupGone } from '@ferry/core/testing';
import { describe, expect, onTestFinished, test } from 'vitest';
import { FAKE_CLAUDE } from './__fixtures__/claude-fixtures.js';
import { claudeConfigSchema } from './claude-config.js';
import { ClaudeRunner } from './claude-runner.js';

type Completed = Extract<EngineEvent, { type: 'completed' }>;

/** A temp dir for one test: the run's cwd and the fake's argv/env dump. */
function scratch(): {
  dir: string;
  dump: string;
  calls: () => { argv: string[]; prompt: string; env: Record<string, string> }[];
} {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-claude-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const dump = join(dir, 'calls.jsonl');
  const calls = () =>
    readFileSync(dump, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  return { dir, dump, calls };
}

function makeRunner(
  dir: string,
  config: Record<string, unknown> = {},
  options: { skipped?: string[]; clock?: Clock; baseEnv?: NodeJS.ProcessEnv } = {},
) {
  const logger = {
    debug: (obj: { line?: string }) => obj.line !== undefined && options.skipped?.push(obj.line),
    warn: () => {},
  } as unknown as Logger;
  // the host's childEnv: Ferry's secrets already gone, the engine's extras on top
  const base = options.baseEnv ?? { PATH: process.env.PATH ?? '', HOME: dir };
  const ctx = createTestPluginContext({
    id: 'claude',
    stateDir: dir,
    logger,
    childEnv: (extra) => ({ ...base, ...extra }),
  });
  const parsed = claudeConfigSchema.parse({
    path: FAKE_CLAUDE,
    grace_s: 2,
    ...config,
    env: {
      FAKE_ENGINE_SPEED: '20',
      FAKE_ENGINE_ENV_DUMP: join(dir, 'calls.jsonl'),
      ...(config.env as object),
    },
  });
  return new ClaudeRunner(parsed, options.clock ?? new SystemClock(), ctx);
}

const request = (cwd: string, prompt: string, resume?: string) => ({
  prompt,
  cwd,
  session: 'console:local',
  chat: { transport: 'console', chat: 'local' },
  ...(resume ? { resume } : {}),
});

async function collect(events: AsyncIterable<EngineEvent>): Promise<EngineEvent[]> {
  const out: EngineEvent[] = [];
  for await (const e of events) out.push(e);
  return out;
}

const completedOf = (events: EngineEvent[]) => events.at(-1) as Completed;
const titles = (events: EngineEvent[]) =>
  events.flatMap((e) => (e.type === 'action' ? [`${e.phase}:${e.action.title}:${e.ok ?? ''}`] : []));

describe('ClaudeRunner with the fake claude CLI', () => {
  test('runs `claude -p <prompt> --output-format stream-json --verbose` and maps the tool run', async () => {
    const { dir, calls } = scratch();
    const runner = makeRunner(dir, {
      model: 'opus',
      permission_mode: 'acceptEdits',
      allowed_tools: ['Bash', 'Read'],
      extra_args: ['--max-turns', '3'],
    });
    const events = await collect(
      runner.run(request(dir, 'case:tool run echo'), new AbortController().signal),
    );

    expect(calls()[0]?.argv).toEqual([
      '-p',
      'case:tool run echo',
      '--output-format',
      'stream-json',
      '--verbose',
      '--model',
      'opus',
      '--permission-mode',
      'acceptEdits',
      '--allowedTools',
      'Bash,Read',
      '--max-turns',
      '3',
    ]);
    const started = events[0] as Extract<EngineEvent, { type: 'started' }>;
    expect(started.resume).toMatch(/^[0-9a-f-]{36}$/);
    expect(started.meta).toMatchObject({ model: 'claude-opus-5-5', pid: expect.any(Number) });
    expect(titles(events)).toEqual(['started:$ echo hello:', 'completed:$ echo hello:true']);
    expect(completedOf(events)).toEqual({
      type: 'completed',
      ok: true,
      answer: 'The command printed: hello',
      resume: started.resume,
      usage: { inputTokens: 24, outputTokens: 19, costUsd: 0.000476 },
    });
    // claude exits by itself after its result; nothing of the run stays behind
    expect(await waitForGroupGone(started.meta?.pid as number)).toEqual([]);
  });

  test('a resumed run passes --resume with the token and reports this run’s cost only', async () => {
    const { dir, calls } = scratch();
    const runner = makeRunner(dir);
    const events = await collect(
      runner.run(request(dir, 'What was the word?', 'sess-0042'), new AbortController().signal),
    );
    expect(calls()[0]?.argv).toEqual(expect.arrayContaining(['--resume', 'sess-0042']));
    expect(events[0]).toMatchObject({ type: 'started', resume: 'sess-0042' });
    expect(completedOf(events)).toMatchObject({
      ok: true,
      answer: 'The secret word was pelican.',
      resume: 'sess-0042',
      usage: { costUsd: 0.000208 },
    });
  });

  test('a prompt that looks like an option goes to stdin as a stream-json user message', async () => {
    const { dir, calls } = scratch();
    const prompt = '- fix the tests\n- case:text then report';
    const events = await collect(makeRunner(dir).run(request(dir, prompt), new AbortController().signal));
    expect(calls()[0]).toMatchObject({
      argv: ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose'],
      prompt,
    });
    expect(completedOf(events)).toMatchObject({ ok: true, answer: 'Hi! How can I help you today?' });
  });

  test('cancel mid-tool stops the whole process group and completes as cancelled', async () => {
    const { dir } = scratch();
    const controller = new AbortController();
    const events: EngineEvent[] = [];
    let pgid = 0;
    for await (const event of makeRunner(dir).run(request(dir, 'case:sigterm-tool'), controller.signal)) {
      events.push(event);
      if (event.type === 'started') {
        pgid = event.meta?.pid as number;
        onTestFinished(() => {
          for (const pid of runningInGroup(pgid)) process.kill(pid, 'SIGKILL');
        });
      }
      if (event.type === 'action' && event.phase === 'started') {
        // the fake and the `tail -f /dev/null` its Bash tool runs
        await expect.poll(() => runningInGroup(pgid).length).toBeGreaterThanOrEqual(2);
        controller.abort(new Error('user cancelled'));
      }
    }
    expect(completedOf(events)).toMatchObject({ ok: false, error: 'cancelled' });
    // claude's own answer to SIGTERM: the killed tool's "Exit code 137" result
    expect(titles(events)).toEqual(['started:$ tail -f /dev/null:', 'completed:$ tail -f /dev/null:false']);
    expect(await waitForGroupGone(pgid)).toEqual([]);
  });

  test('a CLI that ignores SIGTERM is killed after grace_s', async () => {
    const { dir } = scratch();
    const controller = new AbortController();
    const runner = makeRunner(dir, { grace_s: 0.3, env: { FAKE_ENGINE_IGNORE_SIGTERM: '1' } });
    let pgid = 0;
    const events: EngineEvent[] = [];
    for await (const event of runner.run(request(dir, 'case:sigterm'), controller.signal)) {
      events.push(event);
      if (event.type === 'started') pgid = event.meta?.pid as number;
      if (event.type === 'action' && event.phase === 'completed') controller.abort(new Error('stop'));
    }
    expect(completedOf(events)).toMatchObject({ ok: false, error: 'cancelled' });
    expect(runningInGroup(pgid)).toEqual([]);
  });

  test('non-JSON lines are skipped and the run still succeeds', async () => {
    const { dir } = scratch();
    const skipped: string[] = [];
    const runner = makeRunner(dir, { env: { FAKE_ENGINE_GARBAGE: '1' } }, { skipped });
    const events = await collect(runner.run(request(dir, 'case:text'), new AbortController().signal));
    expect(completedOf(events)).toMatchObject({ ok: true, answer: 'Hi! How can I help you today?' });
    expect(skipped).toEqual([
      'fake-claude: this is not JSON (0)',
      'fake-claude: this is not JSON (1)',
      'fake-claude: this is not JSON (2)',
    ]);
  });

  test('a process that exits mid-run completes failed with its exit code and stderr', async () => {
    const { dir } = scratch();
    const runner = makeRunner(dir, { env: { FAKE_ENGINE_CRASH_AFTER: '2' } });
    const events = await collect(runner.run(request(dir, 'case:tool'), new AbortController().signal));
    expect(completedOf(events)).toMatchObject({
      ok: false,
      answer: "I'll run that command.",
      resume: (events[0] as { resume: string }).resume,
      error: 'claude exited with code 3 before its result: fake-claude: simulated crash after 2 events',
    });
  });

  test('an API error run completes failed with the reason', async () => {
    const { dir } = scratch();
    const events = await collect(
      makeRunner(dir).run(request(dir, 'case:error-529'), new AbortController().signal),
    );
    expect(completedOf(events)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Claude API error 529 \(overloaded_error\)/),
    });
  });

  test('the child gets the host’s filtered environment plus engines.claude.env, nothing else', async () => {
    const { dir, calls } = scratch();
    const baseEnv = { PATH: process.env.PATH ?? '', HOME: dir, LANG: 'C.UTF-8' };
    const runner = makeRunner(dir, { env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:9' } }, { baseEnv });
    await collect(runner.run(request(dir, 'hi'), new AbortController().signal));
    const env = calls()[0]!.env;
    expect(env).toMatchObject({
      ...baseEnv,
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
      FAKE_ENGINE_SPEED: '20',
    });
    expect(Object.keys(env).filter((k) => !(k in baseEnv) && !k.startsWith('FAKE_ENGINE_'))).toEqual([
      'ANTHROPIC_BASE_URL',
    ]);
  });

  test('a missing executable completes failed naming engines.claude.path', async () => {
    const { dir } = scratch();
    const events = await collect(
      makeRunner(dir, { path: 'no-such-claude-binary' }).run(
        request(dir, 'hi', 'prev'),
        new AbortController().signal,
      ),
    );
    expect(events[0]).toMatchObject({ type: 'started', resume: 'prev' });
    expect(completedOf(events)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no-such-claude-binary" not found on PATH; set engines\.claude\.path/),
    });
  });

  test('resume lines round-trip', () => {
    const runner = makeRunner(tmpdir());
    const token = '05081b87-5a2f-4f4a-bdec-d4a1468e2610';
    expect(runner.resume.format(token)).toBe(`claude --resume ${token}`);
    expect(runner.resume.extract(`— claude · 3 s\n\`claude --resume ${token}\``)).toBe(token);
    expect(runner.resume.extract('codex resume abc')).toBeUndefined();
  });
});

describe('ClaudeRunner.check', () => {
  test('reports the binary and its version', async () => {
    const { dir } = scratch();
    expect(await makeRunner(dir).check()).toEqual({
      ok: true,
      binary: FAKE_CLAUDE,
      version: '2.1.328 (Claude Code)',
      detail: `2.1.328 (Claude Code) (${FAKE_CLAUDE})`,
    });
  });

  test('a binary not on PATH is not ok and says which key to set', async () => {
    const { dir } = scratch();
    const health = await makeRunner(dir, { path: 'no-such-claude-binary' }).check();
    expect(health).toMatchObject({ ok: false, detail: expect.stringContaining('engines.claude.path') });
  });

  test('a binary that does not answer --version times out', async () => {
    const { dir } = scratch();
    const hang = join(dir, 'hang.sh');
    writeFileSync(hang, '#!/bin/sh\nexec sleep 30\n');
    chmodSync(hang, 0o755);
    const clock = new ManualClock();
    const checking = makeRunner(dir, { path: hang }, { clock }).check();
    let settled = false;
    void checking.finally(() => {
      settled = true;
    });
    while (!settled) {
      await expect.poll(() => clock.pending > 0 || settled).toBe(true);
      await clock.advance(10_000);
    }
    expect(await checking).toMatchObject({
      ok: false,
      binary: hang,
      detail: expect.stringContaining('did not answer within 10000 ms'),
    });
  });
});
