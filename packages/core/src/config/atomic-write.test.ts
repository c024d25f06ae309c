import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { writeFileAtomic } from './atomic-write.js';

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-atomic-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('writeFileAtomic', () => {
  test("replaces the content and keeps the old file's mode", async () => {
    const dir = tempDir();
    const path = join(dir, 'ferry.toml');
    writeFileSync(path, 'old');
    chmodSync(path, 0o604);
    await writeFileAtomic(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(statSync(path).mode & 0o7777).toBe(0o604);
    expect(readdirSync(dir)).toEqual(['ferry.toml']);
  });

  test('creates a new file owner-only unless a mode is given', async () => {
    const dir = tempDir();
    await writeFileAtomic(join(dir, 'a'), 'x');
    await writeFileAtomic(join(dir, 'b'), new Uint8Array([1, 2]), { mode: 0o644 });
    expect(statSync(join(dir, 'a')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'b')).mode & 0o777).toBe(0o644);
    expect([...readFileSync(join(dir, 'b'))]).toEqual([1, 2]);
  });

  test('writes through a symlink, leaving the link in place', async () => {
    const dir = tempDir();
    const real = join(dir, 'real.toml');
    const link = join(dir, 'link.toml');
    writeFileSync(real, 'old');
    symlinkSync(real, link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe('new');
  });

  test('fails without leaving a temp file when the rename cannot happen', async () => {
    const dir = tempDir();
    const target = join(dir, 'occupied');
    // A non-empty directory at the target makes rename() fail after the temp file is written.
    writeFileSync(join(dir, 'keep'), '');
    mkdirSync(join(target, 'inner'), { recursive: true });
    await expect(writeFileAtomic(target, 'x', { mode: 0o600 })).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['keep', 'occupied']);
  });
});
