const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 300_000;
/**
 * Keeps trying answers whose first send failed (platform down, rate limited past the
 * transport's own retries), with backoff, until they go out; and flushes them one last time
 * when the daemon stops. Items are only ever sent by one path at a time.
 */
export class OutboxSender {
    outbox;
    hub;
    clock;
    log;
    #stop = new AbortController();
    #loop;
    #delay = FIRST_RETRY_MS;
    constructor(outbox, hub, clock, log) {
        this.outbox = outbox;
        this.hub = hub;
        this.clock = clock;
        this.log = log;
    }
    start() {
        this.#loop ??= this.#run();
    }
    /** Sends what is pending; returns how many are still pending (failed again). */
    async sendPending(marker) {
        let failed = 0;
        for (const item of this.outbox.pending()) {
            if (!(await this.#send(item, marker)))
                failed++;
        }
        return failed;
    }
    /** PERSIST: one bounded last attempt, then the loop ends; what is left goes at the next start. */
    async stop(boundMs) {
        this.#stop.abort();
        await this.#loop;
        if (boundMs <= 0)
            return;
        const bound = new AbortController();
        await Promise.race([this.sendPending(), this.clock.sleep(boundMs, bound.signal).catch(() => undefined)]);
        bound.abort();
    }
    async #send(item, marker) {
        if (!this.hub.has(item.chat.transport))
            return false;
        try {
            await this.hub.send(item.chat, {
                text: marker ? `${item.text}\n\n${marker}` : item.text,
                ...(item.replyTo ? { replyTo: item.replyTo } : {}),
            });
            this.outbox.confirm(item);
            return true;
        }
        catch (err) {
            this.log.warn({ err, chat: item.chat }, 'an answer could not be sent yet; it stays in the outbox');
            return false;
        }
    }
    async #run() {
        while (!this.#stop.signal.aborted) {
            await this.clock.sleep(this.#delay, this.#stop.signal).catch(() => undefined);
            if (this.#stop.signal.aborted)
                return;
            try {
                const failed = await this.sendPending();
                this.#delay = failed > 0 ? Math.min(this.#delay * 2, MAX_RETRY_MS) : FIRST_RETRY_MS;
            }
            catch (err) {
                this.log.error({ err }, 'the outbox retry failed');
            }
        }
    }
}
//# sourceMappingURL=outbox-sender.js.map