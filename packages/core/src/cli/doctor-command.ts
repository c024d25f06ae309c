import { SystemClock } from '../clock/system-clock.js';
import { resolveConfigPath, stateDirOf } from '../config/config-path.js';
import { loadConfig } from '../config/load-config.js';
import type { LoadedConfig } from '../config/loaded-config.js';
import { requestDaemon } from '../supervisor/status-client.js';
import { type Finding, fail, formatFinding, pass, warn } from './doctor-finding.js';
import { pluginFindings } from './doctor-plugin-checks.js';
import { databaseFinding, lockFinding, permissionFindings } from './doctor-state-checks.js';
import { timeoutFinding, unitFindings } from './doctor-systemd-checks.js';
import { timeZoneFindings } from './doctor-time-zone-check.js';

/**
 * `ferry doctor`: every check, one line each, with what to do about each failure; exit 1 when
 * one failed. A broken config does not stop the checks that do not need it (state, lock, unit,
 * time zones), so one run shows every problem at once.
 */
export async function doctorCommand(opts: { json?: boolean }): Promise<number> {
  const env = process.env;
  const clock = new SystemClock();
  const findings: Finding[] = [];
  const configPath = resolveConfigPath(env);
  const stateDir = stateDirOf(configPath);
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  const nodeOk = major > 20 || (major === 20 && minor >= 19);
  findings.push(
    nodeOk
      ? pass('node', `Node ${process.versions.node} (needs ≥ 20.19)`)
      : fail('node', `Node ${process.versions.node} is too old`, 'install Node 20.19 or newer'),
  );
  let loaded: LoadedConfig | undefined;
  try {
    loaded = loadConfig(configPath, env);
    findings.push(pass('config', `${configPath} is valid`));
  } catch (err) {
    findings.push(
      fail('config', (err as Error).message, 'change what each line names (`ferry config check` repeats it)'),
    );
  }
  if (loaded) findings.push(...(await pluginFindings(loaded, clock)));
  findings.push(...permissionFindings(stateDir, configPath));
  findings.push(databaseFinding(stateDir));
  findings.push(lockFinding(stateDir));
  const { unit, findings: unitLines } = unitFindings(configPath, env);
  findings.push(...unitLines);
  if (loaded) findings.push(timeoutFinding(loaded.config.restart, configPath, unit));
  findings.push(...timeZoneFindings(loaded?.config));
  findings.push(await daemonFinding(stateDir, configPath, clock));

  if (opts.json) {
    const ok = !findings.some((f) => f.ok === false);
    process.stdout.write(`${JSON.stringify({ ok, findings }, null, 2)}\n`);
  } else {
    process.stdout.write(`${findings.map(formatFinding).join('\n')}\n`);
  }
  return findings.some((f) => f.ok === false) ? 1 : 0;
}

async function daemonFinding(stateDir: string, configPath: string, clock: SystemClock): Promise<Finding> {
  try {
    const status = (await requestDaemon(stateDir, 'status', {}, { timeoutMs: 3000, configPath, clock })) as {
      pid: number;
      state: string;
      config_error?: string;
    };
    if (status.config_error)
      return warn(
        'daemon',
        `running (pid ${status.pid}, ${status.state}) on its last good config; the file now has: ${status.config_error}`,
        'fix the config file; the daemon applies it when saved',
      );
    return pass('daemon', `running (pid ${status.pid}, ${status.state})`);
  } catch (err) {
    return warn('daemon', (err as Error).message);
  }
}
