import { describe, expect, it } from 'vitest';
import { DEMO_CONFIG, ferry, instanceDir, startDaemon } from './support/daemon.js';

describe('the embedded default: console chat + demo engine', () => {
  it('answers a piped message with a footer and exits 0 when input ends', () => {
    const r = ferry(['run', '--demo'], { FERRY_DEMO_DELAY_MS: '10' }, 'hello ferry\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Demo engine here \(no AI\)\. You said: "hello ferry"/);
    expect(r.stdout).toMatch(/— demo \(demo\) · .* · \$0\.0000/);
    expect(r.stdout).toMatch(/✓ done · .* · 3 step\(s\)/);
  });

  it('keeps the conversation across messages (resume token) in a configured instance', async () => {
    const { config } = instanceDir(DEMO_CONFIG);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    d.say('first');
    await d.waitForStdout(/This is turn 1 of demo session/);
    d.say('second');
    await d.waitForStdout(/This is turn 2 of demo session/);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
