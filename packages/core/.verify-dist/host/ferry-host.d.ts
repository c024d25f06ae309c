import { type DependencyContainer } from 'tsyringe';
import type { Clock } from '../clock/clock.js';
import { ConfigService } from '../config/config-service.js';
import { type Logger } from '../logging/logger.js';
import type { RestartOutcome, RestartRequest } from '../restart/restart-coordinator.js';
import type { Notifier } from '../supervisor/notifier.js';
import type { HostOptions } from './host-options.js';
import { type StatusReport } from './status-report.js';
/**
 * The composition root of one daemon: config, lock, store, plugins, services, transports,
 * status socket, and the restart state machine that takes it all down again in reverse.
 */
export declare class FerryHost {
    #private;
    readonly options: HostOptions;
    readonly config: ConfigService;
    readonly log: Logger;
    readonly clock: Clock;
    readonly notifier: Notifier;
    readonly container: DependencyContainer;
    readonly generation: number;
    private constructor();
    /** STARTUP (DESIGN §6): everything up to READY=1. Throws (exit 1) on bad config, a held lock or a fatal plugin. */
    static start(options: HostOptions): Promise<FerryHost>;
    /** RUNNING → DRAINING. Duplicate requests join the first. */
    requestRestart(req: RestartRequest): Promise<RestartOutcome>;
    /** Resolves with the exit code once a restart/stop was requested, drained and persisted. */
    run(): Promise<number>;
    status(): StatusReport;
}
