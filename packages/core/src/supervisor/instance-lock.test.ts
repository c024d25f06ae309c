import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { startNodeChild } from './__fixtures__/node-child.js';
import { makeTempDir } from './__fixtures__/temp-dir.js';
import { acquireInstanceLock, type InstanceLock, lockFilePath } from './instance-lock.js';
import { InstanceLockedError } from './instance-lock-errors.js';
import { pidFilePath, readPidFile } from './pid-file.js';

const HOLDER = new URL('./__fixtures__/hold-lock.mjs', import.meta.url);

function acquire(stateDir: string, configPath: string): InstanceLock {
  const lock = acquireInstanceLock(stateDir, configPath);
  onTestFinished(() => lock.release());
  return lock;
}

function refusal(stateDir: string, configPath: string): InstanceLockedError {
  try {
    acquire(stateDir, configPath);
  } catch (err) {
    if (err instanceof InstanceLockedError) return err;
    throw err;
  }
  throw new Error('the lock was granted twice');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('acquireInstanceLock', () => {
  it('refuses a second process at once, naming the config and the holder pid', async () => {
    const stateDir = makeTempDir();
    const config = join(stateDir, 'ferry.toml');
    const holder = startNodeChild(HOLDER, [stateDir, config]);
    await holder.waitForLine(/^locked$/);

    const err = refusal(stateDir, config);

    expect(err.code).toBe('FERRY_INSTANCE_LOCKED');
    expect(err.message).toBe(`another ferry is running for ${config} (pid ${holder.pid})`);
    expect(err.pid).toBe(holder.pid);
  });

  it('refuses another child process too while this process holds the lock', async () => {
    const stateDir = makeTempDir();
    const config = join(stateDir, 'ferry.toml');
    acquire(stateDir, config);

    const second = startNodeChild(HOLDER, [stateDir, config]);

    const line = await second.waitForLine(/^refused /);
    expect(line).toBe(
      `refused FERRY_INSTANCE_LOCKED another ferry is running for ${config} (pid ${process.pid})`,
    );
    expect(await second.exited).toBe(3);
  });

  it('is free again once the holder is SIGKILLed, with no stale lock left behind', async () => {
    const stateDir = makeTempDir();
    const config = join(stateDir, 'ferry.toml');
    const holder = startNodeChild(HOLDER, [stateDir, config]);
    await holder.waitForLine(/^locked$/);

    holder.process.kill('SIGKILL');
    await holder.exited;
    acquire(stateDir, config);

    expect(readPidFile(stateDir)).toBe(process.pid);
    expect(readdirSync(stateDir).sort()).toEqual(['ferry.lock', 'ferry.pid']);
  });

  it('is not kept alive by a child process the holder spawned', async () => {
    const stateDir = makeTempDir();
    const config = join(stateDir, 'ferry.toml');
    const holder = startNodeChild(HOLDER, [stateDir, config, 'spawn-grandchild']);
    const grandchild = Number((await holder.waitForLine(/^grandchild \d+$/)).split(' ')[1]);
    onTestFinished(() => {
      if (isAlive(grandchild)) process.kill(grandchild, 'SIGKILL');
    });
    await holder.waitForLine(/^locked$/);

    holder.process.kill('SIGKILL');
    await holder.exited;

    expect(isAlive(grandchild)).toBe(true);
    expect(() => acquire(stateDir, config)).not.toThrow();
  });

  it('says (pid unknown) when the holder pid file is missing or garbled', async () => {
    const stateDir = makeTempDir();
    const config = join(stateDir, 'ferry.toml');
    const holder = startNodeChild(HOLDER, [stateDir, config]);
    await holder.waitForLine(/^locked$/);

    rmSync(pidFilePath(stateDir));
    expect(refusal(stateDir, config).message).toBe(`another ferry is running for ${config} (pid unknown)`);
    writeFileSync(pidFilePath(stateDir), 'not a pid');
    expect(refusal(stateDir, config).pid).toBeUndefined();
  });

  it('keeps holding after a refused attempt in the same process closes its own handle', async () => {
    const stateDir = makeTempDir();
    const config = join(stateDir, 'ferry.toml');
    acquire(stateDir, config);
    refusal(stateDir, config); // fcntl locks drop when *any* fd of the file closes; SQLite must defer it

    const other = startNodeChild(HOLDER, [stateDir, config]);

    expect(await other.waitForLine(/^refused /)).toContain('FERRY_INSTANCE_LOCKED');
  });

  it('removes the pid file and frees the lock on release', async () => {
    const stateDir = makeTempDir();
    const config = join(stateDir, 'ferry.toml');
    const lock = acquire(stateDir, config);
    expect(statSync(lock.path).mode & 0o777).toBe(0o600);

    lock.release();
    lock.release();

    expect(existsSync(pidFilePath(stateDir))).toBe(false);
    const next = startNodeChild(HOLDER, [stateDir, config]);
    await next.waitForLine(/^locked$/);
  });

  it('releases and removes the pid file when the holder stops cleanly on SIGTERM', async () => {
    const stateDir = makeTempDir();
    const config = join(stateDir, 'ferry.toml');
    const holder = startNodeChild(HOLDER, [stateDir, config]);
    await holder.waitForLine(/^locked$/);

    holder.process.kill('SIGTERM');

    expect(await holder.exited).toBe(0);
    expect(existsSync(pidFilePath(stateDir))).toBe(false);
    expect(() => acquire(stateDir, config)).not.toThrow();
  });

  it('repairs a lock file that something overwrote with non-database bytes', () => {
    const stateDir = makeTempDir();
    writeFileSync(lockFilePath(stateDir), 'x'.repeat(200));

    const lock = acquire(stateDir, join(stateDir, 'ferry.toml'));

    expect(statSync(lock.path).size).toBe(0);
  });
});
