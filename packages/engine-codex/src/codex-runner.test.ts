import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type EngineEvent, type Logger, type PluginStore, SystemClock } from '@ferry/core';
import {
  createTestPluginContext,
  MemoryPluginStore,
  runningInGroup,
  waitForGroupGone,
} from '@ferry/core/testing';
import { describe, expect, onTestFinished, test } from 'vitest';
import { FAKE_CODEX } from './__fixtures__/codex-fixtures.js';
import { codexConfigSchema } from './codex-config.js';
import { CodexRunner } from './codex-runner.js';

type Completed = Extract<EngineEvent, { type: 'completed' }>;
type Started = Extract<EngineEvent, { type: 'started' }>;

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-codex-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const calls = (): { argv: string[]; prompt: string; env: Record<string, string> }[] =>
    readFileSync(join(dir, 'calls.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  return { dir, calls };
}

function makeRunner(
  dir: string,
  config: Record<string, unknown> = {},
  options: { skipped?: string[]; store?: PluginStore; baseEnv?: NodeJS.ProcessEnv } = {},
) {
  const logger = {
    debug: (obj: { line?: string }) => obj.line !== undefined && options.skipped?.push(obj.line),
    warn: () => {},
  } as unknown as Logger;
  const base = options.baseEnv ?? { PATH: process.env.PATH ?? '', HOME: dir };
  const ctx = createTestPluginContext({
    id: 'codex',
    stateDir: dir,
    logger,
    store: options.store ?? new MemoryPluginStore(),
    childEnv: (extra) => ({ ...base, ...extra }),
  });
  const parsed = codexConfigSchema.parse({
    path: FAKE_CODEX,
    grace_s: 2,
    ...config,
    env: {
      FAKE_ENGINE_SPEED: '20',
      FAKE_ENGINE_ENV_DUMP: join(dir, 'calls.jsonl'),
      ...(config.env as object),
    },
  });
  return new CodexRunner(parsed, new SystemClock(), ctx);
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

describe('CodexRunner with the fake codex CLI', () => {
  test('runs `codex exec --json … -` with the prompt on stdin and answers before codex exits', async () => {
    const { dir, calls } = scratch();
    // speed 2: the fake lingers ≈2.7 s after turn.completed, as codex does for its analytics
    const runner = makeRunner(dir, {
      model: 'gpt-5.5',
      profile: 'fast',
      extra_args: ['-c', 'x=1'],
      grace_s: 0.5,
      env: { FAKE_ENGINE_SPEED: '2' },
    });
    const events = await collect(
      runner.run(request(dir, 'case:tool run echo hello'), new AbortController().signal),
    );
    const pid = (events[0] as Started).meta?.pid as number;
    expect(runningInGroup(pid)).not.toEqual([]);

    expect(calls()[0]).toMatchObject({
      argv: [
        'exec',
        '--json',
        '--skip-git-repo-check',
        '--color=never',
        '-m',
        'gpt-5.5',
        '--profile',
        'fast',
        '-c',
        'x=1',
        '-',
      ],
      prompt: 'case:tool run echo hello',
    });
    expect(events[0]).toEqual({
      type: 'started',
      resume: expect.stringMatching(/^[0-9a-f-]{36}$/),
      meta: { model: 'gpt-5.5', pid },
    });
    expect(titles(events)).toEqual(['started:$ echo hello:', 'completed:$ echo hello:true']);
    expect(completedOf(events)).toEqual({
      type: 'completed',
      ok: true,
      answer: 'The command printed: hello',
      resume: (events[0] as Started).resume,
      usage: { inputTokens: 40, outputTokens: 19 },
    });
    // after grace_s the lingering process is stopped: nothing of the run outlives it for long
    expect(await waitForGroupGone(pid, 3000)).toEqual([]);
  });

  test('a second message resumes the thread (`resume <id> -`) and reports only its own tokens', async () => {
    const { dir, calls } = scratch();
    const runner = makeRunner(dir);
    const first = await collect(
      runner.run(request(dir, 'case:resume-first remember'), new AbortController().signal),
    );
    const thread = (first[0] as Started).resume;
    const second = await collect(
      runner.run(request(dir, 'What was the secret word?', thread), new AbortController().signal),
    );

    expect(calls()[1]?.argv).toEqual(['exec', '--json', '--skip-git-repo-check', 'resume', thread, '-']);
    expect(second[0]).toMatchObject({ type: 'started', resume: thread });
    expect(completedOf(second)).toEqual({
      type: 'completed',
      ok: true,
      answer: 'The secret word was pelican.',
      resume: thread,
      usage: { inputTokens: 20, outputTokens: 8 },
    });
  });

  test('cancel mid-command stops the whole process group and completes as cancelled', async () => {
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
        await expect.poll(() => runningInGroup(pgid).length).toBeGreaterThanOrEqual(2);
        controller.abort(new Error('user cancelled'));
      }
    }
    expect(completedOf(events)).toMatchObject({
      ok: false,
      error: 'cancelled',
      answer: 'Running a slow command.',
    });
    expect(titles(events)).toEqual(['started:$ tail -f /dev/null:', 'completed:$ tail -f /dev/null:false']);
    expect(await waitForGroupGone(pgid)).toEqual([]);
  });

  test('retries are progress notes and the final error fails the run', async () => {
    const { dir } = scratch();
    const runner = makeRunner(dir, { env: { FAKE_ENGINE_SPEED: '200' } });
    const events = await collect(
      runner.run(request(dir, 'case:error-500-retries'), new AbortController().signal),
    );
    expect(titles(events).filter((t) => t.startsWith('completed:'))).toHaveLength(5);
    expect(completedOf(events)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^codex turn failed: We’re currently/),
    });
  });

  test('non-JSON lines are skipped and the run still succeeds', async () => {
    const { dir } = scratch();
    const skipped: string[] = [];
    const events = await collect(
      makeRunner(dir, { env: { FAKE_ENGINE_GARBAGE: '1' } }, { skipped }).run(
        request(dir, 'hi'),
        new AbortController().signal,
      ),
    );
    expect(completedOf(events)).toMatchObject({ ok: true, answer: 'Hi! How can I help you today?' });
    expect(skipped).toHaveLength(4);
  });

  test('a process that exits mid-run completes failed with its exit code and stderr', async () => {
    const { dir } = scratch();
    const events = await collect(
      makeRunner(dir, { env: { FAKE_ENGINE_CRASH_AFTER: '2' } }).run(
        request(dir, 'hi', 'thr-9'),
        new AbortController().signal,
      ),
    );
    expect(completedOf(events)).toEqual({
      type: 'completed',
      ok: false,
      answer: '',
      resume: 'thr-9',
      error: 'codex exited with code 3 before the turn ended: fake-codex: simulated crash after 2 events',
    });
  });

  test('an argument codex rejects is a clear error quoting codex', async () => {
    const { dir } = scratch();
    const events = await collect(
      makeRunner(dir, { extra_args: ['--bogus'] }).run(request(dir, 'hi'), new AbortController().signal),
    );
    expect(completedOf(events).error).toMatch(
      /^codex exited with code 2 without printing any event: error: unexpected argument '--bogus' found/,
    );
  });

  test('the child gets the host’s filtered environment plus engines.codex.env, nothing else', async () => {
    const { dir, calls } = scratch();
    const baseEnv = { PATH: process.env.PATH ?? '', HOME: dir };
    await collect(
      makeRunner(dir, { env: { CODEX_HOME: dir } }, { baseEnv }).run(
        request(dir, 'hi'),
        new AbortController().signal,
      ),
    );
    const env = calls()[0]!.env;
    expect(env).toMatchObject({ ...baseEnv, CODEX_HOME: dir });
    expect(Object.keys(env).filter((k) => !(k in baseEnv) && !k.startsWith('FAKE_ENGINE_'))).toEqual([
      'CODEX_HOME',
    ]);
  });

  test('resume lines round-trip', () => {
    const runner = makeRunner(tmpdir());
    const token = '01a209ae-7826-7e50-adb2-edf0d070a270';
    expect(runner.resume.format(token)).toBe(`codex resume ${token}`);
    expect(runner.resume.extract(`— codex · 3 s\n\`codex resume ${token}\``)).toBe(token);
    expect(runner.resume.extract('claude --resume abc')).toBeUndefined();
  });

  test('check reports the binary and its version', async () => {
    const { dir } = scratch();
    expect(await makeRunner(dir).check()).toEqual({
      ok: true,
      binary: FAKE_CODEX,
      version: 'codex-cli 0.169.0',
      detail: `codex-cli 0.169.0 (${FAKE_CODEX})`,
    });
    expect(await makeRunner(dir, { path: 'no-such-codex' }).check()).toMatchObject({
      ok: false,
      detail: expect.stringContaining('set engines.codex.path'),
    });
  });
});
