import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instanceDir, REPO, startDaemon } from '../support/daemon.js';
import { loopchat } from '../support/loopchat.js';
import { detachedRun, replies, slowConfig } from './live-restore-support.js';

const FAKE_BIN = join(REPO, 'test/fakes/bin-systemd');

/** A daemon that believes it runs as a systemd unit, with the stand-in systemd-run first on PATH. */
async function asUnit(extraEnv: NodeJS.ProcessEnv = {}) {
  const chat = await loopchat();
  const { dir, config } = instanceDir(slowConfig(chat, '', 300));
  const log = join(dir, 'systemd-run.log');
  const d = startDaemon(config, {
    // what systemd gives every unit
    INVOCATION_ID: '0123456789abcdef0123456789abcdef',
    PATH: `${FAKE_BIN}:${process.env.PATH}`,
    FAKE_SYSTEMD_RUN_LOG: log,
    ...extraEnv,
  });
  await d.waitForLog('ferry is ready');
  return { chat, dir, config, log, d };
}

describe('live restore under systemd', () => {
  it('starts each shim through `systemd-run --user --scope` when Ferry runs as a unit', async () => {
    const { chat, config, log, d } = await asUnit();
    const msg = chat.say('c1', 'list my files');
    await detachedRun(config, 'loopchat:c1');
    await chat.waitFor(() => replies(chat, msg).answers.length > 0, 15_000, 'the answer');
    expect(readFileSync(log, 'utf8')).toMatch(/^--user --scope --quiet --collect -- sh -c /);
    d.proc.kill('SIGTERM');
    await d.exit;
  });

  it('falls back to a session shim when systemd-run --user cannot reach a user manager', async () => {
    const { chat, dir, config, log, d } = await asUnit({ FAKE_SYSTEMD_RUN_FAIL: '1' });
    const msg = chat.say('c1', 'list my files');
    const run = await detachedRun(config, 'loopchat:c1');
    expect(run.shim_pid).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dir, 'state', 'runs', '1', 'meta.json'), 'utf8')).scope).toBe(
      'session',
    );
    await chat.waitFor(() => replies(chat, msg).answers.length > 0, 15_000, 'the answer');
    expect(readFileSync(log, 'utf8')).toMatch(/^--user --scope/);
    d.proc.kill('SIGTERM');
    await d.exit;
  });
});
