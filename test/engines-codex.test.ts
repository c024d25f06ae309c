import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instanceDir, REPO, startDaemon } from './support/daemon.js';
import { descendants } from './support/proc.js';

const FAKE = join(REPO, 'test/fakes/fake-codex.mjs');
const CONFIG_SECRET = 'dummy-bot-token-from-config-1234';
const ENV_SECRET = 'override-secret-from-env-5678';

/** An instance whose default engine is the fake codex, with secrets that must stay home. */
function codexInstance(fakeEnv: Record<string, string>) {
  const { dir, config } = instanceDir();
  const calls = join(dir, 'calls.jsonl');
  writeFileSync(
    config,
    `default_engine = "codex"
[transports.console]
[engines.codex]
path = "${FAKE}"
model = "gpt-5.5"
grace_s = 2
[engines.codex.env]
${Object.entries(fakeEnv)
  .map(([k, v]) => `${k} = "${v}"\n`)
  .join('')}FAKE_ENGINE_ENV_DUMP = "${calls}"
[plugins.dummy]
bot_token = "${CONFIG_SECRET}"
`,
  );
  const daemon = startDaemon(config, {
    FERRY__PLUGINS__DUMMY__SECRET: ENV_SECRET,
    MY_BOT_TOKEN: CONFIG_SECRET,
  });
  const calls_ = (): { argv: string[]; prompt: string; env: Record<string, string> }[] =>
    readFileSync(calls, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
  return { daemon, calls: calls_ };
}

describe('the codex engine through the daemon (fake codex CLI, console chat)', () => {
  it('shows the command while it runs, then the answer with tokens; the prompt goes on stdin; no secret leaks', async () => {
    // steps at least 300 ms apart, so the running command shows in a progress edit (250 ms apart)
    const { daemon, calls } = codexInstance({ FAKE_ENGINE_SPEED: '5', FAKE_ENGINE_MIN_GAP_MS: '300' });
    await daemon.waitForLog('ferry is ready');
    daemon.say('case:tool run echo hello');

    await daemon.waitForStdout(/▸ \$ echo hello/);
    await daemon.waitForStdout(
      /The command printed: hello\n\n— codex \(gpt-5\.5\) · .+ · 40 in \/ 19 out tokens\ncodex resume [0-9a-f-]{36}/,
    );
    const call = calls()[0]!;
    expect(call.argv).toEqual([
      'exec',
      '--json',
      '--skip-git-repo-check',
      '--color=never',
      '-m',
      'gpt-5.5',
      '-',
    ]);
    expect(call.prompt).toBe('case:tool run echo hello');
    const leaked = Object.entries(call.env).filter(
      ([k, v]) => k.startsWith('FERRY') || v === CONFIG_SECRET || v === ENV_SECRET,
    );
    expect(leaked).toEqual([]);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });

  it('a second message resumes the thread and reports only its own tokens; errors and cancel are clear', async () => {
    const { daemon, calls } = codexInstance({ FAKE_ENGINE_SPEED: '5' });
    await daemon.waitForLog('ferry is ready');
    daemon.say('case:resume-first remember pelican');
    const line = await daemon.waitForStdout(/codex resume [0-9a-f-]{36}/);
    const thread = line.slice('codex resume '.length);

    daemon.say('What was the secret word?');
    await daemon.waitForStdout(
      /The secret word was pelican\.\n\n— codex \(gpt-5\.5\) · .+ · 20 in \/ 8 out tokens\n/,
    );
    expect(calls()[1]?.argv).toEqual([
      'exec',
      '--json',
      '--skip-git-repo-check',
      '-m',
      'gpt-5.5',
      'resume',
      thread,
      '-',
    ]);

    daemon.say('case:error-401 hi');
    await daemon.waitForStdout(
      /⚠️ codex turn failed: unexpected status 401 Unauthorized: Incorrect API key provided/,
    );

    daemon.say('case:sigterm-tool wait');
    await daemon.waitForStdout(/▸ \$ tail -f \/dev\/null/);
    daemon.say('/cancel');
    await daemon.waitForStdout(/✗ failed/);
    await expect.poll(() => descendants(daemon.proc.pid!)).toEqual([]);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });
});
