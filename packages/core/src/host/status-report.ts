import { formatChatAddress } from '../api/chat-address.js';
import type { HostState } from '../restart/host-state.js';
import type { ActiveRunInfo } from '../runs/run-job.js';

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
    /** Live restore: the engine runs under this shim, and outlives a restart. */
    detached?: { shim_pid?: number; engine_pid?: number };
  }[];
  readonly queued: number;
  readonly journal: { readonly pending: number; readonly dead: number };
  readonly triggers: Readonly<Record<string, unknown>>;
  readonly started_at: string;
  /** `[restart] drain_timeout_s` of the running config (how long `ferry stop --drain` may take). */
  readonly drain_timeout_s?: number;
  /** `[restart] live_restore`, and why it is off where it cannot work here. */
  readonly live_restore?: { readonly enabled: boolean; readonly unavailable?: string };
  /** The last rejected config edit (file:line: key: problem), until a good edit is applied. */
  readonly config_error?: string;
}

export function runsForStatus(runs: readonly ActiveRunInfo[]): StatusReport['runs'] {
  return runs.map((r) => ({
    session: r.session,
    engine: r.engine,
    started_at: new Date(r.startedAt).toISOString(),
    chat: formatChatAddress(r.chat),
    steps: r.steps,
    ...(r.detached
      ? {
          detached: {
            ...(r.detached.shimPid ? { shim_pid: r.detached.shimPid } : {}),
            ...(r.detached.enginePid ? { engine_pid: r.detached.enginePid } : {}),
          },
        }
      : {}),
  }));
}
