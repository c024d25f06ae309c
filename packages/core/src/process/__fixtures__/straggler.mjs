// A leader that leaves a grandchild behind (holding stdout) and exits.
import { spawn } from 'node:child_process';

const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], {
  stdio: ['ignore', 'inherit', 'ignore'],
});
console.log(`grandchild ${grandchild.pid}`);
grandchild.unref();
