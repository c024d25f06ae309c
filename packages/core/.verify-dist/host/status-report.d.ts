import type { ActiveRunInfo } from '../runs/run-job.js';
import type { HostState } from '../restart/host-state.js';
/** The shape `ferry status --json` prints (DESIGN §9); extend, never rename. */
export interface StatusReport {
    readonly pid: number;
    readonly generation: number;
    readonly state: HostState;
    readonly config_path: string;
    readonly transports: readonly string[];
    readonly engines: readonly string[];
    readonly runs: readonly {
        session: string;
        engine: string;
        started_at: string;
        chat: string;
        steps: number;
    }[];
    readonly queued: number;
    readonly journal: {
        readonly pending: number;
        readonly dead: number;
    };
    readonly triggers: Readonly<Record<string, unknown>>;
    readonly started_at: string;
}
export declare function runsForStatus(runs: readonly ActiveRunInfo[]): StatusReport['runs'];
