import { resolveConfigPath, stateDirOf } from '../config/config-path.js';
import type { StatusReport } from '../host/status-report.js';
import { requestDaemon } from '../supervisor/status-client.js';
import { renderStatus } from './status-view.js';

/** `ferry status [--json]`: asks the daemon of this config over its unix socket. */
export async function statusCommand(opts: { json?: boolean }): Promise<number> {
  const configPath = resolveConfigPath();
  const report = (await requestDaemon(
    stateDirOf(configPath),
    'status',
    {},
    { timeoutMs: 5000, configPath },
  )) as StatusReport;
  // --json is the daemon's own object, unchanged: DESIGN §9 fields, extended, never renamed
  process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : renderStatus(report, Date.now()));
  return 0;
}
