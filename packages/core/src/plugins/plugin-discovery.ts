import { existsSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { PLUGIN_API_VERSION } from '../api/plugin.js';
import { type FerryError, isFerryError } from '../errors/ferry-error.js';
import { checkPluginDeclaration } from './check-plugin-declaration.js';
import { DuplicatePluginError } from './duplicate-plugin-error.js';
import { nodeModulesPaths, packageDirsIn } from './node-modules-paths.js';
import { type PackageManifest, readManifest } from './plugin-manifest.js';
import { PluginManifestError } from './plugin-manifest-error.js';
import { PluginPathError } from './plugin-path-error.js';
import type { PluginProblem, PluginRecord, PluginSource } from './plugin-record.js';

export interface DiscoveryOptions {
  /** The host package (`@ferry/core`) directory; its own manifest declares the built-ins. */
  readonly hostPackageDir: string;
  /** The instance's state dir; `ferry plugins add` installs into `<stateDir>/plugins`. */
  readonly stateDir: string;
  /** `[plugins] paths`; relative entries are taken from the state dir (the config file's dir). */
  readonly paths?: readonly string[];
  /** `[plugins] enabled`: package names; empty means every package. */
  readonly enabled?: readonly string[];
  /** Defaults to PLUGIN_API_VERSION; tests pass others. */
  readonly hostApiVersion?: string;
}

/** A problem with a package or a search path rather than with one declared plugin. */
export interface DiscoveryProblem extends PluginProblem {
  readonly path: string;
}

export interface DiscoveryResult {
  readonly records: readonly PluginRecord[];
  readonly problems: readonly DiscoveryProblem[];
  /** Every directory searched, in search order; "not found" errors name them. */
  readonly searched: readonly string[];
}

interface Candidate {
  readonly dir: string;
  readonly source: PluginSource;
  /** The host, or named directly by `[plugins] paths`: not being a plugin package is then worth reporting. */
  readonly explicit: boolean;
}

/**
 * Finds declared plugins by reading package.json files only (DESIGN §3): nothing is imported,
 * so a broken or slow plugin costs nothing until it is used. Synchronous on purpose: it runs
 * once at startup and for `ferry plugins list`, and a fixed order keeps results reproducible.
 */
export function discoverPlugins(options: DiscoveryOptions): DiscoveryResult {
  const hostApiVersion = options.hostApiVersion ?? PLUGIN_API_VERSION;
  const enabled = options.enabled ?? [];
  const problems: DiscoveryProblem[] = [];
  const searched: string[] = [];
  const candidates = collectCandidates(options, searched, problems);

  let hostName: string | undefined;
  const records: PluginRecord[] = [];
  for (const candidate of candidates) {
    const manifest = readCandidate(candidate, problems);
    if (candidate.source === 'host') hostName = manifest?.name;
    if (!manifest?.ferry) continue;
    // npm installs a plugin's `@ferry/core` peer dependency beside it; that copy only serves the
    // plugin's imports, and counting its built-ins would make every one of them a duplicate.
    if (candidate.source !== 'host' && manifest.name === hostName) continue;
    const isEnabled = candidate.source === 'host' || enabled.length === 0 || enabled.includes(manifest.name);
    for (const declared of manifest.ferry.plugins) {
      const base = {
        kind: declared.kind,
        id: declared.id,
        packageName: manifest.name,
        packageVersion: manifest.version,
        packageDir: candidate.dir,
        entry: resolve(candidate.dir, declared.entry),
        source: candidate.source,
        apiVersion: manifest.ferry.apiVersion,
      };
      if (!isEnabled) {
        records.push({ ...base, status: 'disabled' });
        continue;
      }
      const problem = checkPluginDeclaration(base, hostApiVersion);
      records.push(
        problem
          ? { ...base, status: 'failed', problem: toProblem(problem) }
          : { ...base, status: 'available' },
      );
    }
  }
  return { records: failDuplicates(records), problems, searched };
}

function collectCandidates(
  options: DiscoveryOptions,
  searched: string[],
  problems: DiscoveryProblem[],
): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  const add = (dir: string, source: PluginSource, explicit = false) => {
    if (seen.has(dir)) return; // the same package reached twice (symlinks, overlapping paths)
    seen.add(dir);
    candidates.push({ dir, source, explicit });
  };

  searched.push(options.hostPackageDir);
  const hostDir = existsSync(options.hostPackageDir)
    ? realpathSync(options.hostPackageDir)
    : resolve(options.hostPackageDir); // reported as a missing package.json below
  add(hostDir, 'host', true);

  for (const dir of nodeModulesPaths(hostDir)) {
    searched.push(dir);
    for (const pkg of packageDirsIn(dir)) add(pkg, 'dependency');
  }

  const stateModules = join(options.stateDir, 'plugins', 'node_modules');
  searched.push(stateModules);
  for (const pkg of packageDirsIn(stateModules)) add(pkg, 'state');

  for (const entry of options.paths ?? []) {
    const dir = resolve(options.stateDir, entry.startsWith('~/') ? join(homedir(), entry.slice(2)) : entry);
    searched.push(dir);
    let real: string;
    try {
      real = realpathSync(dir);
      if (!statSync(real).isDirectory()) throw new Error('not a directory');
    } catch (err) {
      problems.push(located(new PluginPathError(dir, 'is not a directory', { cause: err }), dir));
      continue;
    }
    if (existsSync(join(real, 'package.json'))) add(real, 'path', true);
    else for (const pkg of packageDirsIn(real)) add(pkg, 'path');
  }
  return candidates;
}

function readCandidate(candidate: Candidate, problems: DiscoveryProblem[]): PackageManifest | undefined {
  let manifest: PackageManifest | undefined;
  try {
    manifest = readManifest(candidate.dir);
  } catch (err) {
    if (!isFerryError(err)) throw err;
    problems.push(located(err, candidate.dir));
    return undefined;
  }
  if (candidate.explicit && !manifest?.ferry) {
    const file = join(candidate.dir, 'package.json');
    const problem = manifest ? 'has no "ferry" field, so it is not a Ferry plugin package' : 'does not exist';
    problems.push(located(new PluginManifestError(file, problem), candidate.dir));
  }
  return manifest;
}

/** Same kind and id from two packages: every one of them fails, naming the others. */
function failDuplicates(records: PluginRecord[]): PluginRecord[] {
  const byKey = new Map<string, number[]>();
  records.forEach((record, index) => {
    if (record.status !== 'available') return; // refused or disabled ones cannot clash
    const key = `${record.kind}:${record.id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });
  const result = [...records];
  for (const indexes of byKey.values()) {
    if (indexes.length < 2) continue;
    const clashing = indexes.map((i) => records[i]!);
    const { kind, id } = clashing[0]!;
    const problem = toProblem(new DuplicatePluginError(kind, id, clashing));
    for (const i of indexes) result[i] = { ...records[i]!, status: 'failed', problem };
  }
  return result;
}

function toProblem(err: FerryError): PluginProblem {
  return { code: err.code, message: err.message };
}

function located(err: FerryError, path: string): DiscoveryProblem {
  return { ...toProblem(err), path };
}
