/** A clock that moves only when a test says so. Exported through `@ferry/core/testing`. */
export class ManualClock {
    #now;
    #sleepers = new Set();
    constructor(start = Date.UTC(2026, 0, 1)) {
        this.#now = start;
    }
    now() {
        return this.#now;
    }
    /** Number of sleeps waiting; lets a test wait until the code under test is parked on the clock. */
    get pending() {
        return this.#sleepers.size;
    }
    sleep(ms, signal) {
        signal?.throwIfAborted();
        return new Promise((resolve, reject) => {
            const sleeper = { at: this.#now + Math.max(0, ms), resolve };
            const onAbort = () => {
                this.#sleepers.delete(sleeper);
                reject(signal?.reason);
            };
            sleeper.resolve = () => {
                signal?.removeEventListener('abort', onAbort);
                resolve();
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            this.#sleepers.add(sleeper);
        });
    }
    /** Moves time forward and wakes every sleeper that is due, in time order. */
    async advance(ms) {
        const target = this.#now + ms;
        for (;;) {
            const due = [...this.#sleepers].filter((s) => s.at <= target).sort((a, b) => a.at - b.at)[0];
            if (!due)
                break;
            this.#now = Math.max(this.#now, due.at);
            this.#sleepers.delete(due);
            due.resolve();
            // let the woken code run (and maybe sleep again) before the next one is due
            await new Promise((r) => setImmediate(r));
        }
        this.#now = target;
    }
}
//# sourceMappingURL=manual-clock.js.map