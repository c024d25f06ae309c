import type { Clock } from '../clock/clock.js';
import type { CommandRegistry } from '../commands/command-registry.js';
import type { IngressConfig } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import type { EngineSource } from '../runs/engine-source.js';
import type { ProjectRouter } from '../runs/project-router.js';
import type { RunService } from '../runs/run-service.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { IngressJournal } from './ingress-journal.js';
import type { JournalEntry } from './journal-entry.js';
export interface DispatcherDeps {
    readonly clock: Clock;
    readonly log: Logger;
    readonly journal: IngressJournal;
    readonly runs: RunService;
    readonly commands: CommandRegistry;
    readonly router: ProjectRouter;
    readonly engines: EngineSource;
    readonly hub: TransportHub;
    readonly ingress: () => IngressConfig;
    /** True while a restart drains: new work is journaled and acknowledged, not started. */
    readonly draining: () => boolean;
}
/**
 * Takes journaled events to where they run: the gate (draining? too old?), then a command
 * or an engine run. Each entry is in flight at most once per generation.
 */
export declare class Dispatcher {
    #private;
    private readonly d;
    constructor(d: DispatcherDeps);
    dispatch(entries: readonly JournalEntry[]): void;
    /** Entries currently being handled (commands and runs, queued or running). */
    get inFlight(): number;
}
