import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, ferry, instanceDir, startDaemon } from './support/daemon.js';

describe('ferry status (human view)', () => {
  it('shows state, generation, uptime, transports, runs with elapsed time, queue and the last config error', async () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    d.say('sleep 4');
    await d.waitForStdout(/⚙️ working/);
    const running = ferry(['status'], { FERRY_CONFIG_PATH: config });
    expect(running.code).toBe(0);
    const lines = running.stdout.split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^ferry running · pid ${d.proc.pid} · generation 1 · up \\d+ (ms|s)$`),
    );
    expect(lines).toContain(`config: ${config}`);
    expect(lines[2]).toMatch(/^transports: console · engines: .*demo/);
    expect(lines[3]).toBe('runs: 1 running, 0 queued · journal: 0 pending, 0 dead');
    expect(lines[4]).toMatch(/^ {2}▸ demo in console:local for \d+ (ms|s)/);

    writeFileSync(config, `${DEMO_CONFIG}[restart]\ndrain_timeout_s = -5\n`);
    await d.waitForLog(/config edit rejected/);
    const broken = ferry(['status'], { FERRY_CONFIG_PATH: config }).stdout;
    expect(broken).toContain(
      `config error (the last edit was rejected; running on the last good config):\n  ${config}:6: restart.drain_timeout_s: `,
    );
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
