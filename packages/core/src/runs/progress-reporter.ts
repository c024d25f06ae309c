import type { EngineAction } from '../api/engine.js';
import type { MessageRef } from '../api/messages.js';
import type { ActionView, ProgressView } from '../api/presenter.js';
import type { Clock } from '../clock/clock.js';
import type { TransportHub } from '../transports/transport-hub.js';

/** Even with no new step the elapsed time should move, but slowly: edits cost rate limit. */
const TICK_MS = 10_000;

/**
 * Keeps one progress message current while a run goes on. Changes are coalesced: at most one
 * edit per `minEditIntervalMs` of the chat's transport, always showing the newest state.
 */
export class ProgressReporter {
  readonly #actions = new Map<string, ActionView>();
  readonly #stop = new AbortController();
  #dirty = false;
  #wake: (() => void) | undefined;
  #loop: Promise<void> | undefined;
  #model: string | undefined;
  #status: ProgressView['status'] = 'running';

  constructor(
    private readonly hub: TransportHub,
    private readonly clock: Clock,
    private readonly ref: MessageRef,
    private readonly engine: string,
    private readonly startedAt: number,
    private readonly cancelData: string | undefined,
    private readonly source?: string,
  ) {}

  start(): void {
    this.#loop ??= this.#run();
  }

  get steps(): number {
    return [...this.#actions.values()].filter((a) => a.state !== 'running').length;
  }

  setModel(model: string | undefined): void {
    this.#model = model;
    this.#touch();
  }

  setStatus(status: ProgressView['status']): void {
    this.#status = status;
    this.#touch();
  }

  action(action: EngineAction, phase: 'started' | 'completed', ok?: boolean): void {
    const state = phase === 'started' ? 'running' : ok === false ? 'failed' : 'ok';
    this.#actions.set(action.id, { action, state });
    this.#touch();
  }

  view(): ProgressView {
    return {
      engine: this.engine,
      ...(this.#model ? { model: this.#model } : {}),
      elapsedMs: this.clock.now() - this.startedAt,
      actions: [...this.#actions.values()],
      status: this.#status,
      ...(this.cancelData ? { cancelData: this.cancelData } : {}),
      ...(this.source ? { source: this.source } : {}),
    };
  }

  /** Stops editing; the caller then edits the message one last time (summary or notice). */
  async stop(): Promise<void> {
    this.#stop.abort();
    this.#wake?.();
    await this.#loop;
  }

  #touch(): void {
    // already due: the pending edit will show this change too; waking the loop again is waste
    if (this.#dirty) return;
    this.#dirty = true;
    this.#wake?.();
  }

  async #run(): Promise<void> {
    const interval = this.hub.capabilities(this.ref.chat).minEditIntervalMs;
    let lastEdit = this.clock.now();
    while (!this.#stop.signal.aborted) {
      const since = this.clock.now() - lastEdit;
      if (this.#dirty && since >= interval) {
        this.#dirty = false;
        lastEdit = this.clock.now();
        await this.hub.tryEdit(this.ref, this.hub.presenter(this.ref.chat).progress(this.view()));
        continue;
      }
      const wait = this.#dirty ? interval - since : TICK_MS;
      await this.#pause(wait);
      if (!this.#dirty && this.clock.now() - lastEdit >= TICK_MS) this.#dirty = true;
    }
  }

  /** Sleeps on the clock but wakes early when a change arrives or on stop. */
  async #pause(ms: number): Promise<void> {
    const timer = new AbortController();
    const woken = new Promise<void>((resolve) => {
      this.#wake = resolve;
    });
    try {
      await Promise.race([this.clock.sleep(ms, timer.signal).catch(() => undefined), woken]);
    } finally {
      this.#wake = undefined;
      timer.abort();
    }
  }
}
