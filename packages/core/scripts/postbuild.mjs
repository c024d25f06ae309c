// The CLI is run as `node dist/cli.js` and as the `ferry` bin: make it executable.
import { chmodSync } from 'node:fs';

chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
