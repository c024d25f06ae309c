import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instanceDir, REPO, startDaemon } from './support/daemon.js';
import { descendants } from './support/proc.js';

const FAKE = join(REPO, 'test/fakes/fake-claude.mjs');
const CONFIG_SECRET = 'dummy-bot-token-from-config-1234';
const ENV_SECRET = 'override-secret-from-env-5678';

/** An instance whose default engine is the fake claude, with secrets that must stay home. */
function claudeInstance(fakeEnv: Record<string, string>) {
  const { dir, config } = instanceDir();
  const calls = join(dir, 'calls.jsonl');
  writeFileSync(
    config,
    `default_engine = "claude"
[transports.console]
[engines.claude]
path = "${FAKE}"
grace_s = 2
[engines.claude.env]
${Object.entries(fakeEnv)
  .map(([k, v]) => `${k} = "${v}"\n`)
  .join('')}FAKE_ENGINE_ENV_DUMP = "${calls}"
[plugins.dummy]
bot_token = "${CONFIG_SECRET}"
`,
  );
  const daemon = startDaemon(config, {
    FERRY__PLUGINS__DUMMY__SECRET: ENV_SECRET,
    // a variable of the daemon's own that holds a configured secret stays home too
    MY_BOT_TOKEN: CONFIG_SECRET,
  });
  const argvs = (): string[][] =>
    readFileSync(calls, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).argv);
  const envs = (): Record<string, string>[] =>
    readFileSync(calls, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).env);
  return { daemon, argvs, envs };
}

describe('the claude engine through the daemon (fake claude CLI, console chat)', () => {
  it('shows the tool call while it runs, then the answer with tokens and cost; no secret reaches claude', async () => {
    // steps at least 300 ms apart, so the running tool shows in a progress edit (250 ms apart)
    const { daemon, argvs, envs } = claudeInstance({ FAKE_ENGINE_SPEED: '5', FAKE_ENGINE_MIN_GAP_MS: '300' });
    await daemon.waitForLog('ferry is ready');
    daemon.say('case:tool run echo hello');

    await daemon.waitForStdout(/▸ \$ echo hello/);
    await daemon.waitForStdout(/The command printed: hello\n/);
    await daemon.waitForStdout(
      /— claude \(claude-opus-5-5\) · .+ · 24 in \/ 19 out tokens · \$0\.0005\nclaude --resume [0-9a-f-]{36}/,
    );
    await daemon.waitForStdout(/✓ done · .+ · 1 step\(s\)/);
    expect(argvs()[0]).toEqual([
      '-p',
      'case:tool run echo hello',
      '--output-format',
      'stream-json',
      '--verbose',
    ]);

    const env = envs()[0]!;
    const leaked = Object.entries(env).filter(
      ([k, v]) => k.startsWith('FERRY') || v === CONFIG_SECRET || v === ENV_SECRET,
    );
    expect(leaked).toEqual([]);
    expect(env.PATH).toBe(process.env.PATH);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });

  it('a second message resumes the session with its token and costs only its own turn', async () => {
    const { daemon, argvs } = claudeInstance({ FAKE_ENGINE_SPEED: '5' });
    await daemon.waitForLog('ferry is ready');
    daemon.say('case:resume-first remember pelican');
    const line = await daemon.waitForStdout(/claude --resume [0-9a-f-]{36}/);
    const token = line.slice('claude --resume '.length);

    daemon.say('What was the secret word?');
    await daemon.waitForStdout(
      /The secret word was pelican\.\n\n— claude \(claude-opus-5-5\) · .+ · 12 in \/ 8 out tokens · \$0\.0002\n/,
    );
    expect(argvs()[1]).toEqual([
      '-p',
      'What was the secret word?',
      '--output-format',
      'stream-json',
      '--verbose',
      '--resume',
      token,
    ]);
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });

  it('/cancel stops a running tool and leaves no engine process behind; an API error is answered clearly', async () => {
    const { daemon } = claudeInstance({ FAKE_ENGINE_SPEED: '5' });
    await daemon.waitForLog('ferry is ready');
    daemon.say('case:sigterm-tool wait forever');
    await daemon.waitForStdout(/▸ \$ tail -f \/dev\/null/);
    expect(descendants(daemon.proc.pid!).length).toBeGreaterThanOrEqual(2); // the fake and its tail
    daemon.say('/cancel');
    await daemon.waitForStdout(/✗ failed/);
    await expect.poll(() => descendants(daemon.proc.pid!)).toEqual([]);

    daemon.say('case:error-401 hi');
    await daemon.waitForStdout(
      /⚠️ Claude API error 401 \(authentication_error\): Invalid API key · Fix external API key/,
    );
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
  });
});
