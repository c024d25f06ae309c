import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDaemon } from '../support/daemon.js';
import { alive } from '../support/proc.js';
import { replies, runInFlight } from './live-restore-support.js';

/** The run directory of the only run so far. */
const firstRunDir = (instance: string) => join(instance, 'state', 'runs', '1');

describe('live restore: what cannot be followed is reported, never lost', () => {
  it('an engine that died with its shim while no daemon ran ends as a failed run, told in the chat', async () => {
    const { chat, config, daemon: first, msg, run } = await runInFlight({ prompt: 'sleep 60' });
    first.proc.kill('SIGKILL');
    await first.exit;
    // the whole scope goes (an OOM kill, a `systemctl kill`): no exit status is written
    process.kill(run.shim_pid, 'SIGKILL');
    process.kill(-run.engine_pid, 'SIGKILL');
    await expect.poll(() => alive(run.engine_pid) || alive(run.shim_pid), { timeout: 5000 }).toBe(false);
    const second = startDaemon(config);
    await chat.waitFor(
      () => chat.repliesTo(msg.id).some((m) => m.text.startsWith('⚠️') && /demo/.test(m.text)),
      15_000,
      'the failed run reported',
    );
    expect(replies(chat, msg).answers.filter((m) => m.text.startsWith('⚠️'))).toHaveLength(1);
    second.proc.kill('SIGTERM');
    await second.exit;
  });

  it('a run directory of another Ferry version is not guessed at: its engine is stopped, and /continue offered', async () => {
    const { chat, dir, config, daemon: first, msg, run } = await runInFlight({ prompt: 'sleep 60' });
    first.proc.kill('SIGKILL');
    await first.exit;
    const meta = join(firstRunDir(dir), 'meta.json');
    writeFileSync(meta, JSON.stringify({ ...JSON.parse(readFileSync(meta, 'utf8')), protocol: 99 }));
    const second = startDaemon(config);
    await chat.waitFor(
      () => chat.repliesTo(msg.id).some((m) => /interrupted.*\/continue/s.test(m.text)),
      15_000,
      'the interrupted notice',
    );
    await expect.poll(() => alive(run.engine_pid), { timeout: 5000 }).toBe(false);
    expect(second.logs().some((l) => /cannot be re-attached/.test(String(l.msg)))).toBe(true);
    second.proc.kill('SIGTERM');
    await second.exit;
  });
});
