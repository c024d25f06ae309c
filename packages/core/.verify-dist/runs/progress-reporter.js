/** Even with no new step the elapsed time should move, but slowly: edits cost rate limit. */
const TICK_MS = 10_000;
/**
 * Keeps one progress message current while a run goes on. Changes are coalesced: at most one
 * edit per `minEditIntervalMs` of the chat's transport, always showing the newest state.
 */
export class ProgressReporter {
    hub;
    clock;
    ref;
    engine;
    startedAt;
    cancelData;
    #actions = new Map();
    #stop = new AbortController();
    #dirty = false;
    #wake;
    #loop;
    #model;
    #status = 'running';
    constructor(hub, clock, ref, engine, startedAt, cancelData) {
        this.hub = hub;
        this.clock = clock;
        this.ref = ref;
        this.engine = engine;
        this.startedAt = startedAt;
        this.cancelData = cancelData;
    }
    start() {
        this.#loop ??= this.#run();
    }
    get steps() {
        return [...this.#actions.values()].filter((a) => a.state !== 'running').length;
    }
    setModel(model) {
        this.#model = model;
        this.#touch();
    }
    setStatus(status) {
        this.#status = status;
        this.#touch();
    }
    action(action, phase, ok) {
        const state = phase === 'started' ? 'running' : ok === false ? 'failed' : 'ok';
        this.#actions.set(action.id, { action, state });
        this.#touch();
    }
    view() {
        return {
            engine: this.engine,
            ...(this.#model ? { model: this.#model } : {}),
            elapsedMs: this.clock.now() - this.startedAt,
            actions: [...this.#actions.values()],
            status: this.#status,
            ...(this.cancelData ? { cancelData: this.cancelData } : {}),
        };
    }
    /** Stops editing; the caller then edits the message one last time (summary or notice). */
    async stop() {
        this.#stop.abort();
        this.#wake?.();
        await this.#loop;
    }
    #touch() {
        this.#dirty = true;
        this.#wake?.();
    }
    async #run() {
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
            if (!this.#dirty && this.clock.now() - lastEdit >= TICK_MS)
                this.#dirty = true;
        }
    }
    /** Sleeps on the clock but wakes early when a change arrives or on stop. */
    async #pause(ms) {
        const timer = new AbortController();
        const woken = new Promise((resolve) => {
            this.#wake = resolve;
        });
        try {
            await Promise.race([this.clock.sleep(ms, timer.signal).catch(() => undefined), woken]);
        }
        finally {
            this.#wake = undefined;
            timer.abort();
        }
    }
}
//# sourceMappingURL=progress-reporter.js.map