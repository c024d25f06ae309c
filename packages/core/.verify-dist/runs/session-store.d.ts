import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
export interface SessionPrefs {
    readonly engine?: string;
    readonly project?: string;
}
/** Durable per-session memory: resume tokens per engine, and the chosen engine/project. */
export declare class SessionStore {
    private readonly store;
    private readonly clock;
    constructor(store: StateStore, clock: Clock);
    resumeToken(session: string, engine: string): string | undefined;
    setResumeToken(session: string, engine: string, resume: string): void;
    /** `/new`: the next message starts a fresh conversation with every engine. */
    forget(session: string): number;
    prefs(session: string): SessionPrefs;
    setPrefs(session: string, prefs: SessionPrefs): void;
}
