import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock } from '@ferry/core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runGit } from './run-git.js';

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-git-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const base = { path: 'git', env: process.env, timeoutMs: 10_000, clock: new SystemClock() };

describe('runGit (real git)', () => {
  it('returns stdout of a git command in the directory', async () => {
    const dir = tempDir();
    execFileSync('git', ['init', '-q', '-b', 'main', dir]);
    writeFileSync(join(dir, 'new.txt'), 'hi\n');
    expect(await runGit(['status', '--short', '--branch'], { ...base, cwd: dir })).toBe(
      '## No commits yet on main\n?? new.txt\n',
    );
  });

  it('says clearly when the directory is not a repository, or does not exist', async () => {
    const dir = tempDir();
    await expect(runGit(['status'], { ...base, cwd: dir })).rejects.toMatchObject({
      code: 'FERRY_GIT_NOT_A_REPO',
      message: `${dir} is not a git repository`,
    });
    await expect(runGit(['status'], { ...base, cwd: join(dir, 'gone') })).rejects.toMatchObject({
      code: 'FERRY_GIT_NOT_A_REPO',
      message: expect.stringContaining('does not exist'),
    });
  });

  it('says clearly when git is missing', async () => {
    const dir = tempDir();
    await expect(
      runGit(['status'], { ...base, cwd: dir, path: join(dir, 'no-git-here') }),
    ).rejects.toMatchObject({
      code: 'FERRY_GIT_NOT_FOUND',
      message: expect.stringContaining('set [plugins.git] path'),
    });
  });

  it('stops a git that takes too long', async () => {
    const dir = tempDir();
    const slow = join(dir, 'slow-git');
    writeFileSync(slow, '#!/bin/sh\nsleep 30\n');
    chmodSync(slow, 0o755);
    const started = Date.now();
    await expect(runGit(['status'], { ...base, cwd: dir, path: slow, timeoutMs: 200 })).rejects.toMatchObject(
      {
        code: 'FERRY_GIT_TIMEOUT',
      },
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('passes git’s own complaint on, without a shell interpreting the arguments', async () => {
    const dir = tempDir();
    execFileSync('git', ['init', '-q', dir]);
    await expect(runGit(['log', '$(touch pwned)'], { ...base, cwd: dir })).rejects.toMatchObject({
      code: 'FERRY_GIT_FAILED',
    });
    expect(execFileSync('ls', [dir]).toString()).not.toContain('pwned');
  });
});
