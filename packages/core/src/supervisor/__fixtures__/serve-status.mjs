// Serves the status socket through the real StatusServer until killed.
// Usage: serve-status.mjs <stateDir>   Prints "listening <path>".
import { createLogger } from '../../logging/logger.ts';
import { StatusServer } from '../status-server.ts';

const [stateDir] = process.argv.slice(2);
const server = new StatusServer({ stateDir, logger: createLogger({ level: 'warn' }) });
server.handle('status', () => ({ pid: process.pid }));
console.log(`listening ${await server.listen()}`);
