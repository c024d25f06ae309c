import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnitFile } from '../packages/core/src/supervisor/unit-file.js';
import { DEMO_CONFIG, ferry, instanceDir, startDaemon } from './support/daemon.js';

describe('one daemon per config', () => {
  it('refuses a second start with the holder pid, and is free again after the holder is SIGKILLed', async () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const first = startDaemon(config);
    await first.waitForLog('ferry is ready');

    const second = ferry(['run'], { FERRY_CONFIG_PATH: config }, '');
    expect(second.code).toBe(1);
    expect(second.stderr.trim()).toBe(
      `error: another ferry is running for ${config} (pid ${first.proc.pid})`,
    );

    first.proc.kill('SIGKILL');
    await first.exit;
    const third = startDaemon(config);
    await third.waitForLog('ferry is ready');
    third.proc.kill('SIGTERM');
    expect((await third.exit).code).toBe(0);
  });

  it('lets two instances with different configs run side by side', async () => {
    const a = startDaemon(instanceDir(DEMO_CONFIG).config);
    const b = startDaemon(instanceDir(DEMO_CONFIG).config);
    await Promise.all([a.waitForLog('ferry is ready'), b.waitForLog('ferry is ready')]);
    a.proc.kill('SIGTERM');
    b.proc.kill('SIGTERM');
    expect((await a.exit).code).toBe(0);
    expect((await b.exit).code).toBe(0);
  });

  it('runs the default and a --instance unit side by side, each on the config its unit names', async () => {
    const { dir: home } = instanceDir();
    const env = { HOME: home, XDG_CONFIG_HOME: join(home, 'xdg'), FERRY_CONFIG_PATH: '' };
    const configOf = (args: string[]) =>
      parseUnitFile(ferry(['service', 'install', '--print', ...args], env).stdout).unit.environment()
        .FERRY_CONFIG_PATH!;
    const main = configOf([]);
    const dev = configOf(['--instance', 'dev']);
    expect(main).not.toBe(dev);
    for (const config of [main, dev]) {
      mkdirSync(dirname(config), { recursive: true });
      writeFileSync(config, DEMO_CONFIG);
    }
    const daemonEnv = { HOME: env.HOME, XDG_CONFIG_HOME: env.XDG_CONFIG_HOME };
    const a = startDaemon(main, daemonEnv);
    const b = startDaemon(dev, daemonEnv);
    await Promise.all([a.waitForLog('ferry is ready'), b.waitForLog('ferry is ready')]);
    // separate state dirs, so separate locks: but the same instance twice is refused
    const again = ferry(['run'], { ...daemonEnv, FERRY_CONFIG_PATH: dev }, '');
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`error: another ferry is running for ${dev} (pid ${b.proc.pid})`);
    a.proc.kill('SIGTERM');
    b.proc.kill('SIGTERM');
    expect((await a.exit).code).toBe(0);
    expect((await b.exit).code).toBe(0);
  });
});
