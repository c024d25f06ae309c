import { type FSWatcher, watch } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Clock } from '../../clock/clock.js';

/** How long to sleep between looks when no file event comes (inotify may miss some writes). */
const POLL_MS = 200;
const CHUNK = 64 * 1024;

export interface FollowOptions {
  readonly clock: Clock;
  /** True once no more output can come (the writer exited). Checked before each last read. */
  readonly finished: () => boolean;
  /** Aborted = stop following now, whatever is left unread. */
  readonly signal: AbortSignal;
}

/**
 * The lines of a file that another process appends to (`tail -f` from the start), ending once
 * the writer has finished and everything it wrote was read. A last line without a newline is
 * still a line.
 */
export async function* followLines(path: string, options: FollowOptions): AsyncGenerator<string> {
  const file = await open(path, 'r');
  const wake = new Wake(path);
  const buffer = Buffer.alloc(CHUNK);
  let offset = 0;
  let partial = '';
  const decoder = new TextDecoder('utf8');
  try {
    while (!options.signal.aborted) {
      // read after checking: output written before the writer finished is never missed
      const done = options.finished();
      const { bytesRead } = await file.read(buffer, 0, CHUNK, offset);
      if (bytesRead > 0) {
        offset += bytesRead;
        const text = partial + decoder.decode(buffer.subarray(0, bytesRead), { stream: true });
        const lines = text.split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) yield line;
        continue;
      }
      if (done) {
        partial += decoder.decode();
        if (partial) yield partial;
        return;
      }
      await wake.next(options.clock, POLL_MS, options.signal);
    }
  } finally {
    wake.close();
    await file.close();
  }
}

/**
 * Resolves on the next change to the file, or after `ms`, whichever comes first. A change seen
 * while nobody waits (between a read and the next wait) is kept, so the next wait returns at
 * once instead of sleeping through output that already arrived.
 */
class Wake {
  #watcher: FSWatcher | undefined;
  #pending: (() => void) | undefined;
  #changed = false;

  constructor(path: string) {
    try {
      this.#watcher = watch(path, { persistent: false }, () => {
        this.#changed = true;
        this.#pending?.();
      });
      this.#watcher.on('error', () => this.close());
    } catch {
      // no inotify (a full table, an odd filesystem): polling alone still works
    }
  }

  async next(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
    if (this.#changed) {
      this.#changed = false;
      return;
    }
    const timer = new AbortController();
    const onAbort = () => timer.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      await Promise.race([
        new Promise<void>((resolve) => {
          this.#pending = resolve;
        }),
        clock.sleep(ms, timer.signal).catch(() => undefined),
      ]);
    } finally {
      this.#changed = false;
      this.#pending = undefined;
      timer.abort();
      signal.removeEventListener('abort', onAbort);
    }
  }

  close(): void {
    this.#watcher?.close();
    this.#watcher = undefined;
  }
}
