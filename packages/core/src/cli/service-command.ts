import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../config/atomic-write.js';
import { resolveConfigPath } from '../config/config-path.js';
import { loadConfig } from '../config/load-config.js';
import { restartSchema } from '../config/schema.js';
import { UsageError } from '../errors/codes.js';
import { readUnit, unitNameFor, userUnitDir } from '../supervisor/installed-unit.js';
import { hostPackageDir } from './host-package-dir.js';
import type { ReportExit } from './report-exit.js';
import { ServiceUnitForeignError } from './service-errors.js';
import { renderServiceUnit } from './service-unit.js';

/** Instance names end up in file and unit names: keep them to what both accept unescaped. */
const INSTANCE_NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** systemd's stop timeout over the drain: what PERSIST needs after the drain, with room to spare. */
const STOP_OVER_DRAIN_S = 30;

interface ServiceFlags {
  readonly instance?: string;
  readonly print?: boolean;
  readonly force?: boolean;
}

/** Where an instance lives: its config (and so its state dir and lock) and its unit file. */
export interface ServiceTarget {
  readonly instance: string | undefined;
  readonly configPath: string;
  readonly unitName: string;
  readonly unitPath: string;
}

/**
 * The default instance runs `$FERRY_CONFIG_PATH` or `~/.ferry/ferry.toml` as `ferry.service`;
 * `--instance NAME` runs `~/.ferry-NAME/ferry.toml` as `ferry-NAME.service`, so instances never
 * share config, state dir or lock (DESIGN §5, §7).
 */
export function serviceTarget(
  instance: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): ServiceTarget {
  if (instance !== undefined && !INSTANCE_NAME.test(instance)) {
    throw new UsageError(
      `--instance ${JSON.stringify(instance)}: use 1–32 of a-z, 0-9, "-" and "_", starting with a letter or digit`,
    );
  }
  const configPath = instance
    ? join(env.HOME || homedir(), `.ferry-${instance}`, 'ferry.toml')
    : resolveConfigPath(env);
  const unitName = unitNameFor(instance);
  return { instance, configPath, unitName, unitPath: join(userUnitDir(env), unitName) };
}

export function serviceCommands(program: Command, set: ReportExit): void {
  const service = program
    .command('service')
    .description('install or remove the systemd user unit that runs Ferry');
  service
    .command('install')
    .description('write the systemd user unit for this Ferry (prints the systemctl commands to run)')
    .option(
      '--instance <name>',
      'a named instance: config ~/.ferry-<name>/ferry.toml, unit ferry-<name>.service',
    )
    .option('--print', 'print the unit instead of writing it')
    .option('--force', 'replace a unit file of that name that Ferry did not write')
    .action((flags: ServiceFlags) => set(install(flags)));
  service
    .command('uninstall')
    .description('remove the systemd user unit of this Ferry (config and state are kept)')
    .option('--instance <name>', 'the named instance to remove')
    .option('--force', 'remove a unit file of that name that Ferry did not write')
    .action((flags: ServiceFlags) => set(uninstall(flags)));
}

async function install(flags: ServiceFlags): Promise<number> {
  const target = serviceTarget(flags.instance);
  const notes: string[] = [];
  const unit = renderServiceUnit({
    ...(target.instance ? { instance: target.instance } : {}),
    nodePath: process.execPath,
    cliPath: join(hostPackageDir(), 'dist', 'cli.js'),
    configPath: target.configPath,
    stopTimeoutS: stopTimeoutFor(target.configPath, notes),
    ...(process.env.PATH ? { path: process.env.PATH } : {}),
    version: (JSON.parse(readFileSync(join(hostPackageDir(), 'package.json'), 'utf8')) as { version: string })
      .version,
  });
  if (flags.print) {
    process.stdout.write(unit);
    return 0;
  }
  const existing = readUnit(target.unitPath);
  if (existing && !existing.writtenByFerry && !flags.force)
    throw new ServiceUnitForeignError(target.unitPath);
  mkdirSync(userUnitDir(), { recursive: true, mode: 0o755 });
  // a unit is read by the user's systemd only, but is not secret: 0644 like systemctl edit writes
  await writeFileAtomic(target.unitPath, unit, { mode: 0o644 });
  if (
    flags.instance &&
    process.env.FERRY_CONFIG_PATH &&
    resolve(process.env.FERRY_CONFIG_PATH) !== target.configPath
  )
    notes.push(`FERRY_CONFIG_PATH is ignored for --instance ${flags.instance}`);
  if (!existsSync(target.configPath))
    notes.push(`${target.configPath} does not exist yet: FERRY_CONFIG_PATH=${target.configPath} ferry init`);
  process.stdout.write(
    [
      `wrote ${target.unitPath} (config: ${target.configPath})`,
      ...notes.map((n) => `note: ${n}`),
      'next:',
      `  systemctl --user daemon-reload && systemctl --user enable --now ${target.unitName}`,
      `  journalctl --user -u ${target.unitName} -f     # follow its log`,
      '  loginctl enable-linger "$USER"                 # keep it running while you are logged out',
      '',
    ].join('\n'),
  );
  return 0;
}

/** `[restart] stop_timeout_s` when set, else the drain timeout plus room for PERSIST (defaults without a config). */
function stopTimeoutFor(configPath: string, notes: string[]): number {
  const fallback = restartSchema.parse({}).drain_timeout_s + STOP_OVER_DRAIN_S;
  if (!existsSync(configPath)) return fallback;
  try {
    const { restart } = loadConfig(configPath).config;
    return restart.stop_timeout_s ?? restart.drain_timeout_s + STOP_OVER_DRAIN_S;
  } catch (err) {
    notes.push(`TimeoutStopSec uses the default drain timeout: ${(err as Error).message.split('\n')[0]}`);
    return fallback;
  }
}

async function uninstall(flags: ServiceFlags): Promise<number> {
  const target = serviceTarget(flags.instance);
  const existing = readUnit(target.unitPath);
  if (!existing) {
    process.stdout.write(`no unit at ${target.unitPath}; nothing to remove\n`);
    return 0;
  }
  if (!existing.writtenByFerry && !flags.force) throw new ServiceUnitForeignError(target.unitPath);
  // what `systemctl disable` would remove; left behind, the dangling links would fail every boot
  const links = enablementLinks(userUnitDir(), target.unitName);
  for (const link of links) rmSync(link, { force: true });
  rmSync(target.unitPath, { force: true });
  process.stdout.write(
    [
      `removed ${target.unitPath}${links.length ? ` and ${links.length} enablement link(s)` : ''} (config and state kept in the config's directory)`,
      'next:',
      `  systemctl --user stop ${target.unitName}; systemctl --user daemon-reload; systemctl --user reset-failed ${target.unitName}`,
      '',
    ].join('\n'),
  );
  return 0;
}

/** `<dir>/*.wants/<name>` and `*.requires/<name>` symlinks that enable the unit. */
function enablementLinks(dir: string, name: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).filter((d) => d.endsWith('.wants') || d.endsWith('.requires'));
  } catch {
    return [];
  }
  return entries
    .map((d) => join(dir, d, name))
    .filter((link) => {
      try {
        readlinkSync(link);
        return true;
      } catch {
        return false;
      }
    });
}
