import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_CONFIG, ferry, instanceDir, startDaemon } from './support/daemon.js';
import { loopchat, loopchatConfig } from './support/loopchat.js';

describe('editing ferry.toml while Ferry runs', () => {
  it('applies a hot key live, without a restart', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat, '[restart]\ndrain_timeout_s = 60\n'));
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    writeFileSync(config, loopchatConfig(chat, '[restart]\ndrain_timeout_s = 1\n'));
    const reloaded = await d.waitForLog('config reloaded');
    expect(reloaded).toMatchObject({ hot: ['restart.drain_timeout_s'], restart: [] });
    const msg = chat.say('c1', 'sleep 30');
    await chat.waitFor(
      () => chat.repliesTo(msg.id).some((m) => m.text.includes('sleep')),
      10_000,
      'the long action',
    );
    d.proc.kill('SIGTERM');
    await chat.waitFor(
      () => chat.bot.some((m) => m.text.includes('waiting up to 1 s')),
      10_000,
      'the new deadline',
    );
    expect((await d.exit).code).toBe(0);
  });

  it('keeps running on the last good config after a broken edit, and says what is wrong where', async () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    writeFileSync(config, `${DEMO_CONFIG}[restart]\ndrain_timeout_s = "soon"\n`);
    const rejected = await d.waitForLog(/config edit rejected/);
    expect(String(rejected.msg)).toContain(
      `${config}:6: restart.drain_timeout_s: expected number, got string "soon"`,
    );
    await d.waitForStdout(/ferry\.toml edit rejected — still running on the last good config/);
    d.say('still there?');
    await d.waitForStdout(/You said: "still there\?"/);
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status).toMatchObject({ state: 'running', generation: 1 });
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('restarts in-process for a key that cannot apply live, losing no message', async () => {
    const chat = await loopchat();
    const { config } = instanceDir(loopchatConfig(chat));
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    const before = chat.say('c1', 'before');
    await chat.waitFor(
      () => chat.repliesTo(before.id).some((m) => m.text.includes('— demo')),
      10_000,
      'first answer',
    );
    writeFileSync(
      config,
      loopchatConfig(chat).replace('[engines.demo]', 'poll_note = "changed"\n[engines.demo]'),
    );
    const during = chat.say('c1', 'during the restart');
    await vi.waitFor(() => expect(d.logs().filter((l) => l.msg === 'ferry is ready')).toHaveLength(2), {
      timeout: 15_000,
    });
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status.generation).toBe(2);
    await chat.waitFor(
      () => chat.repliesTo(during.id).some((m) => m.text.includes('— demo')),
      10_000,
      'the answer after',
    );
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('only tells the admin chat with on_config_change = "notify"', async () => {
    const { config } = instanceDir(`${DEMO_CONFIG}[restart]\non_config_change = "notify"\n`);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    writeFileSync(
      config,
      `${DEMO_CONFIG}[restart]\non_config_change = "notify"\n[plugins]\npaths = ["/nonexistent-but-harmless"]\n`,
    );
    await d.waitForStdout(/ferry\.toml changed plugins\.paths: restart needed for that/);
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status.generation).toBe(1);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('reports the same broken save once, shows it in status, and clears it with a good edit', async () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    const broken = `${DEMO_CONFIG}[restart]\ndrain_timeout_s = -5\n`;
    writeFileSync(config, broken);
    await d.waitForLog(/config edit rejected/);
    writeFileSync(config, broken);
    await vi.waitFor(() =>
      expect(d.logs().filter((l) => /config edit rejected/.test(String(l.msg)))).toHaveLength(2),
    );
    expect(d.stdout().match(/edit rejected/g)).toHaveLength(1);
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status.config_error).toBe(
      `${config}:6: restart.drain_timeout_s: must be at least 0, got number -5`,
    );
    writeFileSync(config, `${DEMO_CONFIG}[restart]\ndrain_timeout_s = 5\n`);
    await d.waitForStdout(/Config reloaded: changed restart\.drain_timeout_s \(no restart needed\)/);
    expect(
      JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout).config_error,
    ).toBeUndefined();
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('turns a burst of 10 saves in 200 ms into one reload', async () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    for (let i = 1; i <= 10; i++) {
      writeFileSync(config, `${DEMO_CONFIG}[restart]\ndrain_timeout_s = ${i}\n`);
      await new Promise((r) => setTimeout(r, 20));
    }
    await d.waitForLog('config reloaded');
    await new Promise((r) => setTimeout(r, 500));
    expect(d.logs().filter((l) => l.msg === 'config reloaded')).toHaveLength(1);
    expect(
      ferry(['config', 'get', 'restart.drain_timeout_s'], { FERRY_CONFIG_PATH: config }).stdout.trim(),
    ).toBe('10');
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('stays running through 50 malformed edits, reporting each with file, line and key', async () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    const bad: [string, RegExp][] = [
      ['[restart\n', /ferry\.toml:\d+: /],
      ['[restart]\ndrain_timeout_s = "2m"\n', /:\d+: restart\.drain_timeout_s: expected number/],
      ['[restart]\non_config_change = "sometimes"\n', /:\d+: restart\.on_config_change: must be one of/],
      ['[restart]\nauto_resume = "yes"\n', /:\d+: restart\.auto_resume: expected boolean/],
      ['[ingress]\nmax_attempts = 0\n', /:\d+: ingress\.max_attempts: /],
      ['[projects.x]\nengine = "demo"\n', /:\d+: projects\.x\.path: /],
      ['[restart]\ndrain_timout_s = 3\n', /:\d+: restart\.drain_timout_s: unknown key/],
      ['name = "unterminated\n', /ferry\.toml:\d+: /],
      ['[[triggers.crons]]\nid = "x"\n', /:\d+: triggers\.crons\[0\]\./],
      ['default_engine = "nosuch"\n', /default_engine: no usable engine plugin "nosuch"/],
    ];
    for (let i = 0; i < 50; i++) {
      const [snippet, expected] = bad[i % bad.length]!;
      // a different comment each time: every save is new content, so each is reloaded and reported
      const text = snippet.startsWith('default_engine')
        ? `# edit ${i}\n${snippet}[transports.console]\n`
        : `# edit ${i}\n${DEMO_CONFIG}${snippet}`;
      writeFileSync(config, text);
      await vi.waitFor(
        () => expect(d.logs().filter((l) => /config edit rejected/.test(String(l.msg)))).toHaveLength(i + 1),
        { timeout: 5000 },
      );
      const last = d
        .logs()
        .filter((l) => /config edit rejected/.test(String(l.msg)))
        .at(-1)!;
      expect(String(last.msg)).toMatch(expected);
    }
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status).toMatchObject({ state: 'running', generation: 1 });
    d.say('alive?');
    await d.waitForStdout(/You said: "alive\?"/);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  }, 60_000);
});
