interface Waiter {
  readonly resolve: (value: unknown) => void;
  readonly reject: (err: unknown) => void;
}

interface Job {
  run: () => Promise<unknown>;
  readonly waiters: Waiter[];
  readonly since: number;
}

export interface LaneOptions {
  /** Awaited before a job is picked (the chat's pacing). */
  readonly beforeNext?: () => Promise<void>;
  readonly now?: () => number;
  /** An edit waiting this long goes next, whatever its message. */
  readonly maxEditWaitMs?: () => number;
}

/**
 * The queue of one chat's requests, run one at a time. Sends go first (an answer must not
 * wait behind progress edits), then deletes, then edits; edits of one message are coalesced
 * while they wait, so only the latest text is sent and every caller learns its outcome.
 * `beforeNext` (the chat's pacing) is awaited before a job is picked, so a job waits in the
 * queue, where it can still be coalesced or overtaken, until its slot is free.
 */
export class ChatLane {
  readonly #sends: Job[] = [];
  readonly #deletes: Job[] = [];
  readonly #edits = new Map<string, Job>();
  #pumping = false;
  #idle: (() => void)[] = [];

  readonly #beforeNext: () => Promise<void>;
  readonly #now: () => number;
  readonly #maxEditWaitMs: () => number;

  constructor(options: LaneOptions = {}) {
    this.#beforeNext = options.beforeNext ?? (async () => undefined);
    this.#now = options.now ?? (() => 0);
    this.#maxEditWaitMs = options.maxEditWaitMs ?? (() => Number.POSITIVE_INFINITY);
  }

  send<T>(run: () => Promise<T>): Promise<T> {
    return this.#enqueue(this.#sends, run) as Promise<T>;
  }

  delete(messageId: string, run: () => Promise<void>): Promise<void> {
    // an edit still waiting for a message about to vanish would only fail
    const superseded = this.#edits.get(messageId);
    this.#edits.delete(messageId);
    for (const w of superseded?.waiters ?? []) w.resolve(undefined);
    return this.#enqueue(this.#deletes, run) as Promise<void>;
  }

  edit(messageId: string, run: () => Promise<void>): Promise<void> {
    const waiting = this.#edits.get(messageId);
    if (waiting) {
      waiting.run = run; // latest text wins
      return new Promise((resolve, reject) => waiting.waiters.push({ resolve: () => resolve(), reject }));
    }
    return new Promise((resolve, reject) => {
      this.#edits.set(messageId, {
        run,
        waiters: [{ resolve: () => resolve(), reject }],
        since: this.#now(),
      });
      this.#pump();
    });
  }

  get size(): number {
    return this.#sends.length + this.#deletes.length + this.#edits.size + (this.#pumping ? 1 : 0);
  }

  /** Resolves once nothing is queued or running. */
  whenIdle(): Promise<void> {
    if (!this.#pumping) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Fails every queued request (the transport stops); a running one finishes on its own. */
  abort(reason: unknown): void {
    const jobs = [...this.#sends.splice(0), ...this.#deletes.splice(0), ...this.#edits.values()];
    this.#edits.clear();
    for (const job of jobs) for (const w of job.waiters) w.reject(reason);
  }

  #enqueue(queue: Job[], run: () => Promise<unknown>): Promise<unknown> {
    return new Promise((resolve, reject) => {
      queue.push({ run, waiters: [{ resolve, reject }], since: this.#now() });
      this.#pump();
    });
  }

  #hasWork(): boolean {
    return this.#sends.length + this.#deletes.length + this.#edits.size > 0;
  }

  #next(): Job | undefined {
    const job = this.#sends.shift() ?? this.#deletes.shift();
    if (job) return job;
    const overdue = this.#now() - this.#maxEditWaitMs();
    let pick: [string, Job] | undefined;
    for (const entry of this.#edits) {
      if (entry[1].since <= overdue) {
        pick = entry; // the map keeps queue order: this is the longest-waiting overdue edit
        break;
      }
      if (!pick || olderMessage(entry[0], pick[0])) pick = entry;
    }
    if (!pick) return undefined;
    this.#edits.delete(pick[0]);
    return pick[1];
  }

  #pump(): void {
    if (this.#pumping) return;
    this.#pumping = true;
    void (async () => {
      while (this.#hasWork()) {
        try {
          await this.#beforeNext();
        } catch {
          // aborted: abort() fails the queued jobs; a late one still runs and meets the abort itself
        }
        const job = this.#next();
        if (!job) break;
        try {
          const value = await job.run();
          for (const w of job.waiters) w.resolve(value);
        } catch (err) {
          for (const w of job.waiters) w.reject(err);
        }
      }
      this.#pumping = false;
      for (const resolve of this.#idle.splice(0)) resolve();
    })();
  }
}

/** Telegram message ids grow within a chat; anything else keeps queue order. */
function olderMessage(a: string, b: string): boolean {
  return /^\d+$/.test(a) && /^\d+$/.test(b) && Number(a) < Number(b);
}
