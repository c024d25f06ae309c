import type { DependencyContainer } from 'tsyringe';
import type { Lifecycle } from '../api/lifecycle.js';
import type { Clock } from '../clock/clock.js';
import { CommandRegistry } from '../commands/command-registry.js';
import type { FerryConfig } from '../config/schema.js';
import { Dispatcher } from '../ingress/dispatcher.js';
import { IngressJournal } from '../ingress/ingress-journal.js';
import type { Logger } from '../logging/logger.js';
import { RecoveryService } from '../restart/recovery-service.js';
import { RestartCoordinator } from '../restart/restart-coordinator.js';
import { CostLedger } from '../runs/cost-ledger.js';
import type { EngineSource } from '../runs/engine-source.js';
import { Outbox } from '../runs/outbox.js';
import { OutboxSender } from '../runs/outbox-sender.js';
import { ProjectRouter } from '../runs/project-router.js';
import { RunLedger } from '../runs/run-ledger.js';
import { RunService } from '../runs/run-service.js';
import { SessionStore } from '../runs/session-store.js';
import type { Notifier } from '../supervisor/notifier.js';
import { TransportHub } from '../transports/transport-hub.js';
export interface CoreServiceDeps {
    /** Has CLOCK, LOGGER and STATE_STORE registered. */
    readonly container: DependencyContainer;
    readonly clock: Clock;
    readonly log: Logger;
    readonly config: () => FerryConfig;
    readonly stateDir: string;
    readonly engines: EngineSource;
    readonly notifier: Notifier;
    readonly participants: () => readonly {
        owner: string;
        hooks: Lifecycle;
    }[];
}
/**
 * Wires the core services of one generation in dependency order: the journal, the run
 * service and its stores, commands, the dispatcher, recovery and the restart coordinator.
 * The host and the service tests build generations the same way through this.
 */
export declare function wireCoreServices(d: CoreServiceDeps): {
    hub: TransportHub;
    journal: IngressJournal;
    sessions: SessionStore;
    ledger: RunLedger;
    outbox: Outbox;
    costs: CostLedger;
    runs: RunService;
    router: ProjectRouter;
    sender: OutboxSender;
    coordinator: RestartCoordinator;
    recovery: RecoveryService;
    commands: CommandRegistry;
    dispatcher: Dispatcher;
    /** What transports are handed: journal first, then dispatch unless still starting. */
    ingressSink(): {
        accept: (events: Parameters<IngressJournal["append"]>[0], cursor?: Parameters<IngressJournal["append"]>[1]) => Promise<void>;
        cursor: (key: string) => string | undefined;
    };
    /** STARTUP's tail (DESIGN §6): repair what the last generation left, then RUNNING and the backlog. */
    startup(): Promise<import("../restart/recovery-service.js").RecoveryReport>;
};
export type CoreServices = ReturnType<typeof wireCoreServices>;
