import type { ServerResponse } from 'node:http';
import { ApiFailure } from './telegram-fake-state.js';

export interface QueuedUpdate {
  readonly update_id: number;
  readonly kind: 'message' | 'callback_query';
  readonly payload: Record<string, unknown>;
}

const CONFLICT =
  'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';

type Outcome = 'ready' | 'timeout' | 'terminated' | 'gone';

/**
 * The updates Telegram holds for one bot, and `getUpdates` over them (PLATFORMS.md): an offset
 * confirms (deletes) everything below it, unconfirmed updates come again, a negative offset
 * keeps the last N, `allowed_updates` persists, `timeout` long-polls, and a second poll ends
 * the one still waiting with 409.
 */
export class UpdateQueue {
  #updates: QueuedUpdate[] = [];
  #nextId: number;
  #allowed: string[] | undefined;
  #waiting: { finish(why: Outcome): void } | undefined;
  readonly #listeners = new Set<() => void>();
  #closed = false;

  /** `changed` runs when a poll starts waiting (tests may wait for that). */
  constructor(
    firstId: number,
    private readonly changed: () => void,
  ) {
    this.#nextId = firstId;
  }

  push(kind: QueuedUpdate['kind'], payload: Record<string, unknown>): void {
    this.#updates.push({ update_id: this.#nextId++, kind, payload });
    for (const l of [...this.#listeners]) l();
  }

  get pending(): number {
    return this.#updates.length;
  }

  /** True while a long poll waits. */
  get polling(): boolean {
    return this.#waiting !== undefined;
  }

  dropAll(): void {
    this.#updates = [];
  }

  close(): void {
    this.#closed = true;
    this.#waiting?.finish('gone');
  }

  async getUpdates(params: Record<string, unknown>, res: ServerResponse): Promise<unknown[]> {
    // a second poller ends the one still waiting: *that* one gets the 409
    this.#waiting?.finish('terminated');
    if (params.offset !== undefined) {
      const offset = Number(params.offset);
      if (offset < 0) this.#updates = this.#updates.slice(offset);
      else this.#updates = this.#updates.filter((u) => u.update_id >= offset);
    }
    if (Array.isArray(params.allowed_updates)) this.#allowed = params.allowed_updates as string[];
    const limit = Math.min(100, Math.max(1, Number(params.limit ?? 100)));
    const select = () =>
      this.#updates
        .filter((u) => !this.#allowed?.length || this.#allowed.includes(u.kind))
        .slice(0, limit)
        .map((u) => ({ update_id: u.update_id, [u.kind]: u.payload }));
    const timeoutS = Number(params.timeout ?? 0);
    if (select().length === 0 && timeoutS > 0 && !this.#closed) {
      const outcome = await this.#wait(timeoutS * 1000, () => select().length > 0, res);
      if (outcome === 'terminated') throw new ApiFailure(409, CONFLICT);
    }
    return select();
  }

  #wait(timeoutMs: number, ready: () => boolean, res: ServerResponse): Promise<Outcome> {
    return new Promise((resolve) => {
      const finish = (why: Outcome) => {
        clearTimeout(timer);
        this.#listeners.delete(onPush);
        res.off('close', onGone);
        if (this.#waiting === waiting) this.#waiting = undefined;
        resolve(why);
      };
      const onPush = () => {
        if (ready()) finish('ready');
      };
      // the client went away (a killed daemon): nobody is waiting any more
      const onGone = () => finish('gone');
      const timer = setTimeout(() => finish('timeout'), timeoutMs);
      const waiting = { finish };
      this.#waiting = waiting;
      this.#listeners.add(onPush);
      res.on('close', onGone);
      this.changed();
    });
  }
}
