import { describe, expect, it, onTestFinished } from 'vitest';
import { captureLogger } from '../supervisor/__fixtures__/capture-logger.js';
import { startNodeChild } from '../supervisor/__fixtures__/node-child.js';
import { makeTempDir } from '../supervisor/__fixtures__/temp-dir.js';
import { StateStore } from './state-store.js';

const WRITER = new URL('./__fixtures__/state-writer.mjs', import.meta.url);
const ROWS_PER_BATCH = 200;

/** Reopens through the store (integrity check included) and reads what survived. */
function reopen(stateDir: string) {
  const store = StateStore.open(stateDir, { logger: captureLogger().logger });
  onTestFinished(() => store.close());
  const batches = store.db.prepare('SELECT id, rows FROM batches ORDER BY id').all() as {
    id: number;
    rows: number;
  }[];
  const itemsPerBatch = new Map(
    (
      store.db.prepare('SELECT batch, count(*) AS n FROM items GROUP BY batch').all() as {
        batch: number;
        n: number;
      }[]
    ).map((r) => [r.batch, r.n]),
  );
  return {
    store,
    batches,
    itemsPerBatch,
    integrity: store.db.pragma('integrity_check', { simple: true }),
  };
}

function lastCommitted(lines: readonly string[]): number {
  const commits = lines.filter((l) => l.startsWith('committed ')).map((l) => Number(l.slice(10)));
  return Math.max(0, ...commits);
}

describe('StateStore after SIGKILL', () => {
  it('keeps every committed 200-row transaction whole and no partial one when killed mid-run', async () => {
    const stateDir = makeTempDir();
    const writer = startNodeChild(WRITER, [stateDir, 'loop']);

    await writer.waitForLine(/^committed 25$/);
    writer.process.kill('SIGKILL');
    expect(await writer.exited).toBe('SIGKILL');

    const { store, batches, itemsPerBatch, integrity } = reopen(stateDir);
    expect(store.damagedMovedTo).toBeUndefined();
    expect(integrity).toBe('ok');
    // Everything the child was told is committed survived; ids have no gaps, so nothing was torn out.
    expect(batches.length).toBeGreaterThanOrEqual(lastCommitted(writer.lines));
    expect(batches.map((b) => b.id)).toEqual(batches.map((_b, i) => i + 1));
    for (const batch of batches) expect(itemsPerBatch.get(batch.id)).toBe(ROWS_PER_BATCH);
    expect([...itemsPerBatch.keys()].every((id) => id <= batches.length)).toBe(true);
  });

  it('discards an open transaction whose pages already reached the WAL', async () => {
    const stateDir = makeTempDir();
    const writer = startNodeChild(WRITER, [stateDir, 'hang', '5']);

    const inside = await writer.waitForLine(/^inside /);
    const [walBefore, walInside] = inside.split(' ').slice(1).map(Number);
    // The uncommitted batch really is on disk, so the reopen has something to throw away.
    expect(walInside).toBeGreaterThan(walBefore!);
    writer.process.kill('SIGKILL');
    await writer.exited;

    const { store, batches, itemsPerBatch, integrity } = reopen(stateDir);
    expect(store.damagedMovedTo).toBeUndefined();
    expect(integrity).toBe('ok');
    expect(batches).toHaveLength(5);
    expect([...itemsPerBatch.entries()]).toEqual([1, 2, 3, 4, 5].map((id) => [id, ROWS_PER_BATCH]));
  });
});
