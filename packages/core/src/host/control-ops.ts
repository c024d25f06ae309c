import type { RestartOutcome, RestartRequest } from '../restart/restart-coordinator.js';
import type { StatusServer } from '../supervisor/status-server.js';
import type { StatusReport } from './status-report.js';

export interface ControlTarget {
  status(): StatusReport;
  requestRestart(req: RestartRequest): Promise<RestartOutcome>;
}

/**
 * The daemon's own ops on its status socket: `status`, and `stop` / `restart` for the CLI
 * (`ferry stop [--drain]`, `ferry restart`). A stop or restart starts after its answer is on
 * its way: one with nothing to wait for closes this very socket at once.
 */
export function registerControlOps(status: StatusServer, host: ControlTarget): void {
  status.handle('status', () => host.status());
  status.handle('stop', (args) => {
    const drain = args.drain === true;
    const req = { reason: 'ferry stop (cli)', force: args.force === true, drain, final: drain };
    setImmediate(() => void host.requestRestart(req));
    return { accepted: true };
  });
  status.handle('restart', (args) => {
    const req = { reason: 'ferry restart (cli)', force: args.force === true, rebuild: true };
    setImmediate(() => void host.requestRestart(req));
    return { accepted: true };
  });
}
