import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfigPath } from '../config/config-path.js';
import { FerryHost } from '../host/ferry-host.js';
import { createLogger } from '../logging/logger.js';
import { hostPackageDir } from './host-package-dir.js';

/** The embedded default (DESIGN §8): the console chat and the offline demo engine, no tokens. */
export const DEMO_CONFIG = `# Ferry's embedded default: a throwaway instance (deleted on exit).
default_engine = "demo"

[transports.console]

[engines.demo]

# the state dir goes with the process: a run has nothing to outlive it for
[restart]
live_restore = false
`;

export interface RunOptions {
  readonly demo?: boolean;
}

/** `ferry run`: the daemon in the foreground until SIGTERM/SIGINT (or the console's end of input). */
export async function runCommand(options: RunOptions): Promise<number> {
  let configPath = resolveConfigPath();
  let cleanup: (() => void) | undefined;
  if (options.demo) {
    const dir = mkdtempSync(join(tmpdir(), 'ferry-demo-'));
    configPath = join(dir, 'ferry.toml');
    writeFileSync(configPath, DEMO_CONFIG);
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    process.stderr.write(
      'Ferry demo: console chat + the DEMO engine (scripted, offline, not an AI). Type a message; Ctrl-D or Ctrl-C stops.\n',
    );
  }
  const onRejection = (reason: unknown) => {
    // a plugin's stray promise must not take the daemon down (the journal keeps every message anyway)
    process.stderr.write(
      `${JSON.stringify({ level: 50, msg: 'unhandled rejection', err: String(reason) })}\n`,
    );
  };
  process.on('unhandledRejection', onRejection);
  try {
    // one generation after another for as long as restarts happen in-process (no supervisor)
    for (let generation = 1; ; generation++) {
      const host = await FerryHost.start({
        configPath,
        hostPackageDir: hostPackageDir(),
        handleSignals: true,
        generation,
        // the chat shares the terminal with the logs: in the demo, only warnings and errors
        ...(options.demo ? { logger: createLogger({ level: process.env.FERRY_LOG_LEVEL ?? 'warn' }) } : {}),
      });
      const exit = await host.run();
      if (!exit.rebuild) return exit.code;
    }
  } finally {
    process.off('unhandledRejection', onRejection);
    cleanup?.();
  }
}
