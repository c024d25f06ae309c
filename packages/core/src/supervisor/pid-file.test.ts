import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from './__fixtures__/temp-dir.js';
import { pidFilePath, readPidFile, removePidFile, writePidFile } from './pid-file.js';

describe('pid file', () => {
  it('writes "<pid>\\n" in place of the old file, leaving no temp file behind', () => {
    const stateDir = makeTempDir();
    writeFileSync(pidFilePath(stateDir), '999\n');

    writePidFile(stateDir, 4242);

    expect(readFileSync(pidFilePath(stateDir), 'utf8')).toBe('4242\n');
    expect(readPidFile(stateDir)).toBe(4242);
    expect(readdirSync(stateDir)).toEqual(['ferry.pid']);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['garbled', 'ferry'],
    ['zero', '0\n'],
    ['negative', '-5\n'],
  ])('reads a %s pid file as unknown', (_name, content) => {
    const stateDir = makeTempDir();
    if (content !== undefined) writeFileSync(pidFilePath(stateDir), content);

    expect(readPidFile(stateDir)).toBeUndefined();
  });

  it("removes only its own pid file, never a successor's", () => {
    const stateDir = makeTempDir();
    writePidFile(stateDir, 111);

    removePidFile(stateDir, 222);
    expect(readPidFile(stateDir)).toBe(111);
    removePidFile(stateDir, 111);
    expect(existsSync(pidFilePath(stateDir))).toBe(false);
  });
});
