import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseTimeSpan } from './time-span.js';
import { expandSpecifiers, parseUnitFile, type UnitFile } from './unit-file.js';

/** The first line `ferry service install` writes: how install and uninstall recognise their own files. */
export const UNIT_MARKER = '# Written by `ferry service install`';

/**
 * systemd's default stop timeout when a unit sets none (`DefaultTimeoutStopSec=` of the user
 * manager, 90 s unless changed in user.conf).
 */
export const DEFAULT_STOP_TIMEOUT_MS = 90_000;

/** A user unit that runs a given config. */
export interface InstalledUnit {
  readonly path: string;
  readonly name: string;
  readonly unit: UnitFile;
  readonly text: string;
  readonly writtenByFerry: boolean;
  /** Lines systemd would ignore (see parseUnitFile). */
  readonly problems: readonly string[];
  /** TimeoutStopSec (or TimeoutSec), else systemd's default; Infinity when disabled. */
  readonly stopTimeoutMs: number;
}

function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}

/** `$XDG_CONFIG_HOME/systemd/user`, else `~/.config/systemd/user`: where user units go. */
export function userUnitDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME ? resolve(env.XDG_CONFIG_HOME) : join(homeOf(env), '.config');
  return join(base, 'systemd', 'user');
}

/** `ferry.service` for the default instance, `ferry-<name>.service` for a named one. */
export function unitNameFor(instance: string | undefined, suffix: 'service' | 'socket' = 'service'): string {
  return instance ? `ferry-${instance}.${suffix}` : `ferry.${suffix}`;
}

/** Reads and parses one unit file; undefined when it does not exist. */
export function readUnit(path: string, env: NodeJS.ProcessEnv = process.env): InstalledUnit | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const { unit, problems } = parseUnitFile(text);
  const span = unit.get('Service', 'TimeoutStopSec') ?? unit.get('Service', 'TimeoutSec');
  const parsed =
    span === undefined ? DEFAULT_STOP_TIMEOUT_MS : parseTimeSpan(expandSpecifiers(span, homeOf(env)));
  return {
    path,
    name: path.slice(path.lastIndexOf('/') + 1),
    unit,
    text,
    writtenByFerry: text.startsWith(UNIT_MARKER),
    problems,
    // an unparsable value makes systemd ignore the line and use its default
    stopTimeoutMs: parsed ?? DEFAULT_STOP_TIMEOUT_MS,
  };
}

/** The config path a unit runs: its `FERRY_CONFIG_PATH`, else Ferry's default. */
export function unitConfigPath(unit: UnitFile, env: NodeJS.ProcessEnv = process.env): string {
  const home = homeOf(env);
  const configured = unit.environment().FERRY_CONFIG_PATH;
  if (!configured) return join(home, '.ferry', 'ferry.toml');
  const expanded = expandSpecifiers(configured, home);
  return resolve(expanded.startsWith('~/') ? join(home, expanded.slice(2)) : expanded);
}

/**
 * The user unit whose `ExecStart` runs Ferry for `configPath`, looked up among the `*.service`
 * files of the user unit dir. systemd does not tell a service its own stop timeout, so this is
 * how the daemon and `ferry doctor` learn it (DESIGN §7).
 */
export function findInstalledUnit(
  configPath: string,
  env: NodeJS.ProcessEnv = process.env,
): InstalledUnit | undefined {
  const dir = userUnitDir(env);
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.service'))
      .sort();
  } catch {
    return undefined;
  }
  const target = resolve(configPath);
  // ferry.service / ferry-*.service first: the names `ferry service install` writes
  const ordered = [
    ...names.filter((n) => n.startsWith('ferry')),
    ...names.filter((n) => !n.startsWith('ferry')),
  ];
  for (const name of ordered) {
    const found = readUnit(join(dir, name), env);
    if (!found || !runsFerry(found.unit)) continue;
    if (unitConfigPath(found.unit, env) === target) return found;
  }
  return undefined;
}

function runsFerry(unit: UnitFile): boolean {
  return unit.all('Service', 'ExecStart').some((cmd) => /\bcli\.js\b|\bferry\b/.test(cmd));
}
