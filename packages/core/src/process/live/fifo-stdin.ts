import { appendFileSync, closeSync, openSync, write } from 'node:fs';
import { Writable } from 'node:stream';
import type { RunDir } from './run-dir.js';

/**
 * The engine's stdin through the shim's FIFO. Every write is also appended to the run's
 * `input` file first, so a daemon that re-attaches knows what the engine was already told
 * (answered approvals are not asked again). Ending the stream asks the shim to close its end
 * (SIGUSR1), which is what gives the engine its EOF; letting go (`release`) closes only ours.
 */
export class FifoStdin extends Writable {
  #fd: number | undefined;
  #released = false;

  constructor(private readonly dir: RunDir) {
    super({ decodeStrings: true });
    // read-write: opening a FIFO for writing only would block while the engine has not opened
    // it yet, and fail forever once it is gone
    this.#fd = openSync(dir.stdin, 'r+');
  }

  /** Stop writing without ending the engine's input: another daemon will carry on. */
  release(): void {
    this.#released = true;
    this.destroy();
  }

  override _write(chunk: Buffer, _enc: BufferEncoding, callback: (err?: Error | null) => void): void {
    const fd = this.#fd;
    if (fd === undefined) {
      callback(new Error('the engine’s stdin is closed'));
      return;
    }
    try {
      appendFileSync(this.dir.input, chunk);
    } catch (err) {
      callback(err as Error);
      return;
    }
    write(fd, chunk, (err) => callback(err));
  }

  override _final(callback: (err?: Error | null) => void): void {
    if (!this.#released) {
      const shim = this.dir.pid('shim');
      try {
        if (shim !== undefined && this.dir.shimAlive()) process.kill(shim, 'SIGUSR1');
      } catch {
        // the shim is gone, and with it the last writer: the engine has its EOF already
      }
    }
    this.#close();
    callback();
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    this.#close();
    callback(err);
  }

  #close(): void {
    if (this.#fd === undefined) return;
    closeSync(this.#fd);
    this.#fd = undefined;
  }
}
