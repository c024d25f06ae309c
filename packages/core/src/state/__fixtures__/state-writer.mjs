// Writes 200-row transactions through the real StateStore until killed. Each batch row says
// how many item rows it owns, so a reader can tell a whole transaction from a partial one.
// Usage: state-writer.mjs <stateDir> loop
//        state-writer.mjs <stateDir> hang <commits>   (then stays inside an open transaction)
import { statSync, writeSync } from 'node:fs';
import { createLogger } from '../../logging/logger.ts';
import { StateStore } from '../state-store.ts';

const [stateDir, mode, commitsArg] = process.argv.slice(2);
const ROWS = 200;
const PAD = 'x'.repeat(500);

// stdout to a pipe is asynchronous on some platforms; the loop below never yields, so write directly.
const say = (line) => writeSync(1, `${line}\n`);

const store = StateStore.open(stateDir, { logger: createLogger({ level: 'warn' }) });
store.migrate('crash-test', [
  {
    version: 1,
    up: (db) =>
      db.exec(`CREATE TABLE batches (id INTEGER PRIMARY KEY, rows INTEGER NOT NULL);
               CREATE TABLE items (batch INTEGER NOT NULL REFERENCES batches (id), n INTEGER NOT NULL,
                                   pad TEXT NOT NULL)`),
  },
]);
const insertBatch = store.statement('INSERT INTO batches (rows) VALUES (?)');
const insertItem = store.statement('INSERT INTO items (batch, n, pad) VALUES (?, ?, ?)');

const writeBatch = () => {
  const batch = insertBatch.run(ROWS).lastInsertRowid;
  for (let n = 0; n < ROWS; n++) insertItem.run(batch, n, PAD);
  return batch;
};
const walBytes = () => statSync(`${store.path}-wal`).size;

if (mode === 'loop') {
  for (;;) say(`committed ${store.transaction(writeBatch)}`);
} else {
  for (let i = 0; i < Number(commitsArg); i++) say(`committed ${store.transaction(writeBatch)}`);
  // A tiny page cache forces the open transaction's pages out into the WAL before any commit.
  store.db.pragma('cache_size = 4');
  const before = walBytes();
  store.transaction(() => {
    writeBatch();
    say(`inside ${before} ${walBytes()}`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  });
}
