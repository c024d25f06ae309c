import { existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import type { RestartConfig } from '../config/schema.js';
import { findInstalledUnit, type InstalledUnit, userUnitDir } from '../supervisor/installed-unit.js';
import { drainStopMismatch, knownStopTimeout } from '../supervisor/stop-timeout.js';
import { splitUnitWords } from '../supervisor/unit-file.js';
import { type Finding, fail, pass, warn } from './doctor-finding.js';

/** Settings the daemon relies on under systemd (docs/deploy.md says why each matters). */
const REQUIRED: readonly (readonly [string, string])[] = [
  ['Type', 'notify'],
  ['NotifyAccess', 'main'],
  ['KillMode', 'mixed'],
];

/**
 * The user unit that runs this config, if any: its ExecStart still points at files that exist
 * (an upgrade of Node or Ferry may move them), it has the settings the daemon relies on, and
 * whether it is enabled.
 */
export function unitFindings(
  configPath: string,
  env: NodeJS.ProcessEnv,
): { unit?: InstalledUnit; findings: Finding[] } {
  const unit = findInstalledUnit(configPath, env);
  if (!unit) {
    return {
      findings: [
        pass(
          'unit',
          `no systemd user unit in ${userUnitDir(env)} runs this config (\`ferry service install\` writes one)`,
        ),
      ],
    };
  }
  const findings: Finding[] = [];
  const reinstall = `run \`ferry service install\` again${unit.name === 'ferry.service' ? '' : ` --instance ${unit.name.replace(/^ferry-|\.service$/g, '')}`}, then \`systemctl --user daemon-reload\``;
  const exec = splitUnitWords(unit.unit.get('Service', 'ExecStart') ?? '');
  const missing = exec.slice(0, 2).filter((p) => p.startsWith('/') && !existsSync(p));
  const off = REQUIRED.filter(([k, v]) => unit.unit.get('Service', k) !== v).map(([k, v]) => `${k}=${v}`);
  if (missing.length > 0)
    findings.push(
      fail('unit', `${unit.path}: ExecStart names ${missing.join(', ')}, which does not exist`, reinstall),
    );
  else if (off.length > 0) findings.push(fail('unit', `${unit.path} lacks ${off.join(', ')}`, reinstall));
  else if (unit.problems.length > 0)
    findings.push(warn('unit', `${unit.path}: systemd ignores ${unit.problems.join('; ')}`, reinstall));
  else if (!enabled(unit.name, env))
    findings.push(
      warn('unit', `${unit.path} is installed but not enabled`, `systemctl --user enable --now ${unit.name}`),
    );
  else findings.push(pass('unit', `${unit.path} (enabled)`));
  return { unit, findings };
}

/** The drain must end, with headroom for PERSIST, before systemd's stop timeout kills the daemon. */
export function timeoutFinding(
  restart: RestartConfig,
  configPath: string,
  unit: InstalledUnit | undefined,
): Finding {
  const stop = knownStopTimeout(restart, configPath, unit);
  if (!stop)
    return pass(
      'timeouts',
      `drain_timeout_s = ${restart.drain_timeout_s}; no stop timeout known (no unit, no [restart] stop_timeout_s)`,
    );
  const mismatch = drainStopMismatch(restart.drain_timeout_s, stop);
  if (mismatch) {
    return fail(
      'timeouts',
      mismatch.split('; ')[0]!,
      `lower [restart] drain_timeout_s, or raise the stop timeout (${unit ? '`ferry service install` again' : '[restart] stop_timeout_s'})`,
    );
  }
  const other =
    unit && restart.stop_timeout_s !== undefined && unit.stopTimeoutMs !== restart.stop_timeout_s * 1000
      ? `, but ${unit.path} says TimeoutStopSec=${unit.stopTimeoutMs / 1000}`
      : '';
  const limit = Number.isFinite(stop.ms) ? `${stop.ms / 1000} s` : 'none';
  const detail = `drain ${restart.drain_timeout_s} s fits in the stop timeout (${limit}, ${stop.source})${other}`;
  return other
    ? warn('timeouts', detail, 'make [restart] stop_timeout_s and TimeoutStopSec agree')
    : pass('timeouts', detail);
}

function enabled(name: string, env: NodeJS.ProcessEnv): boolean {
  for (const target of ['default.target.wants', 'multi-user.target.wants']) {
    try {
      if (lstatSync(join(userUnitDir(env), target, name)).isSymbolicLink()) return true;
    } catch {
      // not enabled through that target
    }
  }
  return false;
}
