import { stat } from 'node:fs/promises';
import { type FSWatcher, watch } from 'chokidar';
import type { Clock } from '../clock/clock.js';
import type { Logger } from '../logging/logger.js';

/**
 * Editors write in bursts (truncate + write, or temp + rename): a reload waits until the file
 * has been quiet this long. chokidar itself reports at most one `change` per ~60 ms, so quiet is
 * judged by the file's mtime, not by the gap between events.
 */
const SETTLE_MS = 60;

/**
 * Watches ferry.toml and calls `onChange` once per edit. chokidar sees an editor's atomic save
 * (write temp, rename over) as one `change` (PLATFORMS.md), where raw fs.watch misses most;
 * a delete-then-write shows as `unlink` + `add`, and only the `add` matters.
 */
export class ConfigWatcher {
  #watcher: FSWatcher | undefined;
  #timer: AbortController | undefined;
  #running: Promise<void> = Promise.resolve();

  constructor(
    private readonly path: string,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly onChange: () => Promise<void>,
  ) {}

  async start(): Promise<void> {
    if (this.#watcher) return;
    const watcher = watch(this.path, { ignoreInitial: true, persistent: false });
    watcher.on('change', () => this.#schedule());
    watcher.on('add', () => this.#schedule());
    watcher.on('error', (err) => this.log.warn({ err, path: this.path }, 'config watcher error'));
    this.#watcher = watcher;
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  }

  async stop(): Promise<void> {
    this.#timer?.abort();
    await this.#watcher?.close();
    this.#watcher = undefined;
    await this.#running;
  }

  #schedule(waitMs = SETTLE_MS): void {
    this.#timer?.abort();
    const timer = new AbortController();
    this.#timer = timer;
    this.clock.sleep(waitMs, timer.signal).then(
      async () => {
        const quietFor = this.clock.now() - (await modifiedAt(this.path));
        if (quietFor < SETTLE_MS) {
          this.#schedule(SETTLE_MS - quietFor);
          return;
        }
        // reloads never overlap: the next waits for the previous to finish
        this.#running = this.#running.then(() =>
          this.onChange().catch((err: unknown) => this.log.error({ err }, 'config reload failed')),
        );
      },
      () => undefined,
    );
  }
}

/** The file's mtime; 0 when it is gone for a moment (between an editor's delete and write). */
async function modifiedAt(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}
