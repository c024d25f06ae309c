import { resolveConfigPath, stateDirOf } from '../config/config-path.js';
import type { StatusReport } from '../host/status-report.js';
import { formatDuration } from '../runs/format-duration.js';
import { requestDaemon } from '../supervisor/status-client.js';

/** `ferry status [--json]`: asks the daemon of this config over its unix socket. */
export async function statusCommand(opts: { json?: boolean }): Promise<number> {
  const configPath = resolveConfigPath();
  const report = (await requestDaemon(
    stateDirOf(configPath),
    'status',
    {},
    { timeoutMs: 5000, configPath },
  )) as StatusReport;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const now = Date.now();
  const lines = [
    `ferry ${report.state} · pid ${report.pid} · generation ${report.generation}`,
    `config: ${report.config_path}`,
    `transports: ${report.transports.join(', ') || 'none'} · engines: ${report.engines.join(', ')}`,
    `runs: ${report.runs.length} running, ${report.queued} queued · journal: ${report.journal.pending} pending, ${report.journal.dead} dead`,
    ...report.runs.map(
      (r) => `  ▸ ${r.engine} in ${r.chat} for ${formatDuration(now - Date.parse(r.started_at))}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
