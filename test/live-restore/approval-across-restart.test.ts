import { describe, expect, it } from 'vitest';
import { askingClaudeConfig } from '../support/asking-claude.js';
import { instanceDir, startDaemon } from '../support/daemon.js';
import { alive } from '../support/proc.js';
import { detachedRun } from './live-restore-support.js';

describe('live restore: a question asked before a restart', () => {
  it('is asked again by the next daemon, and the answer reaches the same engine', async () => {
    const { config } = instanceDir(askingClaudeConfig());
    const env = { FERRY_SUPERVISED: '1' };
    const first = startDaemon(config, env);
    await first.waitForLog('ferry is ready');
    first.say('case:control-allow create x.txt');
    await first.waitForStdout(/claude wants to run Bash: \$ touch x\.txt/);
    const run = await detachedRun(config, 'console:local');
    first.proc.kill('SIGTERM');
    expect((await first.exit).code).toBe(0);
    // the old request says it will be asked again, instead of leaving a dead button
    expect(first.stdout()).toMatch(/Ferry restarted — this is asked again below/);
    expect(alive(run.engine_pid)).toBe(true);

    const second = startDaemon(config, env);
    await second.waitForStdout(/claude wants to run Bash: \$ touch x\.txt/);
    second.say('/allow');
    await second.waitForStdout(/✓ allowed by ann/);
    await second.waitForStdout(/\nDone\.\n/);
    // one turn: the user's message was not sent to the engine a second time
    expect(second.stdout().match(/claude wants to run Bash/g)).toHaveLength(1);
    second.proc.kill('SIGTERM');
    await second.exit;
  });
});
