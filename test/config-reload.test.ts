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
    await chat.waitFor(() => chat.repliesTo(msg.id).some((m) => m.text.includes('sleep')), 10_000, 'the long action');
    d.proc.kill('SIGTERM');
    await chat.waitFor(() => chat.bot.some((m) => m.text.includes('waiting up to 1 s')), 10_000, 'the new deadline');
    expect((await d.exit).code).toBe(0);
  });

  it('keeps running on the last good config after a broken edit, and says what is wrong where', async () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    writeFileSync(config, `${DEMO_CONFIG}[restart]\ndrain_timeout_s = "soon"\n`);
    const rejected = await d.waitForLog(/config edit rejected/);
    expect(String(rejected.msg)).toContain(`${config}:6: restart.drain_timeout_s: expected number, got string "soon"`);
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
    await chat.waitFor(() => chat.repliesTo(before.id).some((m) => m.text.includes('— demo')), 10_000, 'first answer');
    writeFileSync(config, loopchatConfig(chat).replace('[engines.demo]', 'poll_note = "changed"\n[engines.demo]'));
    const during = chat.say('c1', 'during the restart');
    await vi.waitFor(() => expect(d.logs().filter((l) => l.msg === 'ferry is ready')).toHaveLength(2), { timeout: 15_000 });
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status.generation).toBe(2);
    await chat.waitFor(() => chat.repliesTo(during.id).some((m) => m.text.includes('— demo')), 10_000, 'the answer after');
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('only tells the admin chat with on_config_change = "notify"', async () => {
    const { config } = instanceDir(`${DEMO_CONFIG}[restart]\non_config_change = "notify"\n`);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    writeFileSync(config, `${DEMO_CONFIG}[restart]\non_config_change = "notify"\n[plugins]\npaths = ["/nonexistent-but-harmless"]\n`);
    await d.waitForStdout(/ferry\.toml changed plugins\.paths: that needs a restart/);
    const status = JSON.parse(ferry(['status', '--json'], { FERRY_CONFIG_PATH: config }).stdout);
    expect(status.generation).toBe(1);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
