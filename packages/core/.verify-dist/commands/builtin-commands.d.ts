import type { Command } from '../api/command.js';
import type { CostLedger } from '../runs/cost-ledger.js';
import type { EngineSource } from '../runs/engine-source.js';
import type { ProjectRouter } from '../runs/project-router.js';
import type { RunLedger } from '../runs/run-ledger.js';
import type { RunService } from '../runs/run-service.js';
import type { SessionStore } from '../runs/session-store.js';
import type { Clock } from '../clock/clock.js';
import type { CommandRegistry } from './command-registry.js';
/** What the built-in commands act on; the host wires it. */
export interface BuiltinDeps {
    readonly clock: Clock;
    readonly runs: RunService;
    readonly sessions: SessionStore;
    readonly ledger: RunLedger;
    readonly costs: CostLedger;
    readonly engines: EngineSource;
    readonly router: ProjectRouter;
    readonly registry: CommandRegistry;
    /** Asks the restart coordinator for a restart; `session` is the chat that asked. */
    requestRestart(options: {
        force: boolean;
        session: string;
    }): void;
    /** Starts the resumption of an interrupted run (see RecoveryService). */
    continueRun(session: string): Promise<string>;
}
export declare function builtinCommands(d: BuiltinDeps): Command[];
