import { describe, expect, it } from 'vitest';
import { askingClaudeConfig } from './support/asking-claude.js';
import { instanceDir, startDaemon } from './support/daemon.js';

/** A daemon whose claude asks in chat (`permission_mode = "default"`), with the console chat. */
function askingInstance() {
  const { config } = instanceDir(askingClaudeConfig());
  return startDaemon(config);
}

describe('chat-native approvals through the daemon (fake claude, console chat)', () => {
  it('Allow: the request shows with buttons, the tool runs, and the answer arrives', async () => {
    const daemon = askingInstance();
    await daemon.waitForLog('ferry is ready');
    daemon.say('case:control-allow create x.txt');
    await daemon.waitForStdout(
      /🔐 claude wants to run Bash: \$ touch x\.txt\n.*\[ Allow \] \(\/allow\) {2}\[ Deny \] \(\/deny\)/s,
    );
    daemon.say('/allow');
    await daemon.waitForStdout(/✓ allowed by ann/);
    await daemon.waitForStdout(/\nDone\.\n/);
    await daemon.waitForStdout(/✓ done · .+ · 1 step\(s\)/);
    daemon.proc.kill('SIGTERM');
    await daemon.exit;
  });

  it('Deny: the agent is told and answers accordingly', async () => {
    const daemon = askingInstance();
    await daemon.waitForLog('ferry is ready');
    daemon.say('case:control-allow create x.txt');
    await daemon.waitForStdout(/\[ Deny \] \(\/deny\)/);
    daemon.say('/deny');
    await daemon.waitForStdout(/✗ denied by ann/);
    await daemon.waitForStdout(/Understood, I did not create x\.txt\./);
    daemon.proc.kill('SIGTERM');
    await daemon.exit;
  });
});

describe('a restart while the agent waits on a person', () => {
  it('SIGTERM (live restore off): the drain does not wait its 60 s for the pending request', async () => {
    const { config } = instanceDir(
      `${askingClaudeConfig()}[restart]\ndrain_timeout_s = 60\nlive_restore = false\n`,
    );
    const daemon = startDaemon(config);
    await daemon.waitForLog('ferry is ready');
    daemon.say('case:control-allow create x.txt');
    await daemon.waitForStdout(/\[ Allow \] \(\/allow\)/);
    const sigterm = Date.now();
    daemon.proc.kill('SIGTERM');
    expect((await daemon.exit).code).toBe(0);
    expect(Date.now() - sigterm).toBeLessThan(10_000);
    expect(daemon.stdout()).toMatch(/✗ not answered — the run ended/);
  });
});
