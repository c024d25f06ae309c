// Prints `tick 1..N` every `gap` ms, echoes stdin lines as `got <line>`, then exits with `code`.
// With `wait-eof`, it ends only when stdin ends (like claude in stream-json mode).
// argv: <n> <gapMs> <code> [wait-eof]
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';

const [n, gap, code] = process.argv.slice(2, 5).map(Number);
const waitEof = process.argv[5] === 'wait-eof';
let eof = new Promise(() => {});
if (!process.stdin.isTTY) {
  const rl = createInterface({ input: process.stdin });
  rl.on('line', (line) => console.log(`got ${line}`));
  eof = new Promise((resolve) => rl.on('close', resolve));
}
console.log(`pid ${process.pid}`);
for (let i = 1; i <= n; i++) {
  await delay(gap);
  console.log(`tick ${i}`);
}
if (waitEof) {
  await eof;
  console.log('eof');
}
process.exit(code);
