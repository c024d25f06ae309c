import {
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ManualClock } from '../clock/manual-clock.js';
import { captureLogger } from '../supervisor/__fixtures__/capture-logger.js';
import { makeTempDir } from '../supervisor/__fixtures__/temp-dir.js';
import { StateStore, stateDbPath } from './state-store.js';

const AT = Date.UTC(2026, 2, 4, 5, 6, 7);
const STAMP = '20260304T050607';

/** A closed database with `values` kv rows of ~1 KiB each, so it spans many pages. */
function seed(stateDir: string, values: number): string {
  const store = StateStore.open(stateDir, { logger: captureLogger().logger });
  const kv = store.namespace('seed');
  store.transaction(() => {
    for (let i = 0; i < values; i++) kv.set(`k${i}`, 'x'.repeat(1024));
  });
  store.close();
  return stateDbPath(stateDir);
}

function openAt(stateDir: string, nowMs = AT) {
  const { logger, lines } = captureLogger();
  const store = StateStore.open(stateDir, { logger, clock: new ManualClock(nowMs) });
  onTestFinished(() => store.close());
  return { store, lines };
}

function overwrite(file: string, offset: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, bytes, 0, bytes.length, offset);
  closeSync(fd);
}

describe('StateStore.open with a damaged database', () => {
  it('moves a database with a garbage header aside, says where in one warning, and starts fresh', () => {
    const stateDir = makeTempDir();
    const file = seed(stateDir, 10);
    overwrite(file, 0, Buffer.from('this is not a sqlite header, it is garbage!!'.repeat(3)));
    const damagedBytes = readFileSync(file);

    const { store, lines } = openAt(stateDir);

    const expected = `${file}.damaged-${STAMP}`;
    expect(store.damagedMovedTo).toBe(expected);
    expect(readFileSync(expected)).toEqual(damagedBytes);
    expect(store.namespace('seed').keys()).toEqual([]);
    expect(store.db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.msg).toContain(expected);
  });

  it('moves a database truncated in the middle of a page aside', () => {
    const stateDir = makeTempDir();
    const file = seed(stateDir, 200);
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(40 * 4096);
    truncateSync(file, Math.floor(size / 2 / 4096) * 4096 + 1000);

    const { store } = openAt(stateDir);

    expect(store.damagedMovedTo).toBe(`${file}.damaged-${STAMP}`);
    expect(existsSync(store.damagedMovedTo!)).toBe(true);
    expect(store.namespace('seed').keys()).toEqual([]);
  });

  it('moves the -wal (untouched: it may hold the newest commits) and -shm along under the new name', () => {
    const stateDir = makeTempDir();
    const file = seed(stateDir, 1);
    overwrite(file, 0, Buffer.alloc(100, 0xab));
    writeFileSync(`${file}-wal`, 'stale wal');
    writeFileSync(`${file}-shm`, 'stale shm');

    const { store } = openAt(stateDir);

    expect(readFileSync(`${store.damagedMovedTo}-wal`, 'utf8')).toBe('stale wal');
    // The -shm is only an index that any reader rebuilds; moving it keeps the three files together.
    expect(existsSync(`${store.damagedMovedTo}-shm`)).toBe(true);
  });

  it('never overwrites an earlier damaged copy from the same second', () => {
    const stateDir = makeTempDir();
    const file = seed(stateDir, 1);
    overwrite(file, 0, Buffer.alloc(100, 1));
    openAt(stateDir).store.close();
    overwrite(file, 0, Buffer.alloc(100, 2));

    const { store } = openAt(stateDir);

    expect(store.damagedMovedTo).toBe(`${file}.damaged-${STAMP}-1`);
    expect(readFileSync(`${file}.damaged-${STAMP}`)[0]).toBe(1);
    expect(readFileSync(`${file}.damaged-${STAMP}-1`)[0]).toBe(2);
  });

  it('opens a healthy database in place and reports nothing moved', () => {
    const stateDir = makeTempDir();
    seed(stateDir, 3);

    const { store, lines } = openAt(stateDir);

    expect(store.damagedMovedTo).toBeUndefined();
    expect(store.namespace('seed').keys()).toHaveLength(3);
    expect(lines.filter((l) => l.level >= 40)).toEqual([]);
  });
});
