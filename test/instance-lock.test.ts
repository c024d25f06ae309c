import { describe, expect, it } from 'vitest';
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
});
