import { writeFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { instanceDir, startDaemon } from './support/daemon.js';

const CONFIG = `default_engine = "demo"
log_level = "trace"

[transports.console]

[engines.demo]
delay_ms = 20

[plugins.dummy]
bot_token = "SECRET123"
`;

describe('daemon logs', () => {
  it('never show a configured token, even in a rejected edit that quotes its line', async () => {
    const { config } = instanceDir(CONFIG);
    const d = startDaemon(config, { FERRY__PLUGINS__DUMMY__API_KEY: 'ENVSECRET456' });
    await d.waitForLog('ferry is ready');
    d.say('hello');
    await d.waitForStdout(/✓ done|done ·/);
    // an unterminated string on the token's line: the parser's error quotes that line
    writeFileSync(config, CONFIG.replace('"SECRET123"', '"SECRET123'));
    const rejected = await d.waitForLog(/config edit rejected/);
    expect(JSON.stringify(rejected)).toContain('[redacted]');
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
    const stderr = d.stderr();
    expect(d.logs().length).toBeGreaterThan(10);
    expect(stderr).not.toContain('SECRET123');
    expect(stderr).not.toContain('ENVSECRET456');
  });

  it('are JSON lines for journald and pipes, and one readable line each with FERRY_LOG_FORMAT=pretty', async () => {
    const { config } = instanceDir(CONFIG.replace('log_level = "trace"', 'log_level = "info"'));
    const json = startDaemon(config);
    await json.waitForLog('ferry is ready');
    json.proc.kill('SIGTERM');
    await json.exit;
    const lines = json.stderr().trim().split('\n');
    expect(lines.every((l) => typeof JSON.parse(l).level === 'number')).toBe(true);

    const pretty = startDaemon(config, { FERRY_LOG_FORMAT: 'pretty' });
    await vi.waitFor(() => expect(pretty.stderr()).toContain('ferry is ready'), { timeout: 20_000 });
    pretty.proc.kill('SIGTERM');
    expect((await pretty.exit).code).toBe(0);
    const ready = pretty
      .stderr()
      .split('\n')
      .find((l) => l.includes('ferry is ready'))!;
    expect(ready).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}ferry is ready transports=\["console"\] engine=demo config=/,
    );
    expect(pretty.stderr()).not.toContain('SECRET123');
  });
});
