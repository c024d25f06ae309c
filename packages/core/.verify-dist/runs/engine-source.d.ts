import type { Runner } from '../api/engine.js';
/** Where the run service gets runners: the host backs it with the plugin registry (lazy load). */
export interface EngineSource {
    readonly defaultEngine: string;
    /** Engine ids that are available (configured or discovered and not failed). */
    ids(): string[];
    runner(id: string): Promise<Runner>;
}
