import { setTimeout as delay } from 'node:timers/promises';
export class SystemClock {
    now() {
        return Date.now();
    }
    async sleep(ms, signal) {
        try {
            await delay(ms, undefined, { signal });
        }
        catch (err) {
            // node's timers reject with a generic AbortError; callers expect the signal's own reason.
            if (signal?.aborted)
                throw signal.reason;
            throw err;
        }
    }
}
//# sourceMappingURL=system-clock.js.map