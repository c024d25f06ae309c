// A leader that starts a grandchild in its own process group and then waits forever.
import { spawn } from 'node:child_process';

const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
console.log(`grandchild ${grandchild.pid}`);
setInterval(() => {}, 1000);
