/** Time, injected (STYLE rule 8): services never call Date.now() or setTimeout directly. */
export interface Clock {
    /** Milliseconds since the epoch. */
    now(): number;
    /** Resolves after `ms`; rejects with the signal's reason when aborted first. */
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
}
