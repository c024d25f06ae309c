// Takes the instance lock through the real acquireInstanceLock and holds it until killed.
// Usage: hold-lock.mjs <stateDir> <configPath> [spawn-grandchild]
// Prints "locked", or "refused <code> <message>" and exits 3. On SIGTERM releases and exits 0.
import { spawn } from 'node:child_process';
import { acquireInstanceLock } from '../instance-lock.ts';

const [stateDir, configPath, extra] = process.argv.slice(2);
let lock;
try {
  lock = acquireInstanceLock(stateDir, configPath);
} catch (err) {
  console.log(`refused ${err.code} ${err.message}`);
  process.exit(3);
}
if (extra === 'spawn-grandchild') {
  // Stands in for an engine subprocess that outlives us: it must not keep the lock.
  const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
    detached: true,
    stdio: 'ignore',
  });
  grandchild.unref();
  console.log(`grandchild ${grandchild.pid}`);
}
process.on('SIGTERM', () => {
  lock.release();
  process.exit(0);
});
console.log('locked'); // only now: the parent may send SIGTERM as soon as it reads this
setInterval(() => {}, 1000);
