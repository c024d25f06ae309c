import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, ferry, instanceDir, startDaemon } from './support/daemon.js';

describe('ferry status --json', () => {
  it('reports the running daemon of this config, with its runs', async () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    d.say('sleep 5');
    await d.waitForStdout(/⚙️ working/);
    const r = ferry(['status', '--json'], { FERRY_CONFIG_PATH: config });
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout);
    expect(status).toMatchObject({
      pid: d.proc.pid,
      generation: 1,
      state: 'running',
      config_path: config,
      transports: ['console'],
      queued: 0,
    });
    expect(status.runs).toEqual([
      expect.objectContaining({ session: 'console:local', engine: 'demo', chat: 'console:local' }),
    ]);
    expect(Date.parse(status.runs[0].started_at)).toBeGreaterThan(0);
    d.proc.kill('SIGTERM');
    await d.waitForStdout(/restarting/);
    expect((await d.exit).code).toBe(0);
  });

  it('exits 1 with one error line when no daemon runs for the config', () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const r = ferry(['status', '--json'], { FERRY_CONFIG_PATH: config });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: no ferry is running for /);
  });
});
