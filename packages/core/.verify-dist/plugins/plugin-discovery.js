import { existsSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { PLUGIN_API_VERSION } from '../api/plugin.js';
import { isFerryError } from '../errors/ferry-error.js';
import { checkPluginDeclaration } from './check-plugin-declaration.js';
import { DuplicatePluginError } from './duplicate-plugin-error.js';
import { nodeModulesPaths, packageDirsIn } from './node-modules-paths.js';
import { readManifest } from './plugin-manifest.js';
import { PluginManifestError } from './plugin-manifest-error.js';
import { PluginPathError } from './plugin-path-error.js';
/**
 * Finds declared plugins by reading package.json files only (DESIGN §3): nothing is imported,
 * so a broken or slow plugin costs nothing until it is used. Synchronous on purpose: it runs
 * once at startup and for `ferry plugins list`, and a fixed order keeps results reproducible.
 */
export function discoverPlugins(options) {
    const hostApiVersion = options.hostApiVersion ?? PLUGIN_API_VERSION;
    const enabled = options.enabled ?? [];
    const problems = [];
    const searched = [];
    const candidates = collectCandidates(options, searched, problems);
    let hostName;
    const records = [];
    for (const candidate of candidates) {
        const manifest = readCandidate(candidate, problems);
        if (candidate.source === 'host')
            hostName = manifest?.name;
        if (!manifest?.ferry)
            continue;
        // npm installs a plugin's `@ferry/core` peer dependency beside it; that copy only serves the
        // plugin's imports, and counting its built-ins would make every one of them a duplicate.
        if (candidate.source !== 'host' && manifest.name === hostName)
            continue;
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
            records.push(problem
                ? { ...base, status: 'failed', problem: toProblem(problem) }
                : { ...base, status: 'available' });
        }
    }
    return { records: failDuplicates(records), problems, searched };
}
function collectCandidates(options, searched, problems) {
    const candidates = [];
    const seen = new Set();
    const add = (dir, source, explicit = false) => {
        if (seen.has(dir))
            return; // the same package reached twice (symlinks, overlapping paths)
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
        for (const pkg of packageDirsIn(dir))
            add(pkg, 'dependency');
    }
    const stateModules = join(options.stateDir, 'plugins', 'node_modules');
    searched.push(stateModules);
    for (const pkg of packageDirsIn(stateModules))
        add(pkg, 'state');
    for (const entry of options.paths ?? []) {
        const dir = resolve(options.stateDir, entry.startsWith('~/') ? join(homedir(), entry.slice(2)) : entry);
        searched.push(dir);
        let real;
        try {
            real = realpathSync(dir);
            if (!statSync(real).isDirectory())
                throw new Error('not a directory');
        }
        catch (err) {
            problems.push(located(new PluginPathError(dir, 'is not a directory', { cause: err }), dir));
            continue;
        }
        if (existsSync(join(real, 'package.json')))
            add(real, 'path', true);
        else
            for (const pkg of packageDirsIn(real))
                add(pkg, 'path');
    }
    return candidates;
}
function readCandidate(candidate, problems) {
    let manifest;
    try {
        manifest = readManifest(candidate.dir);
    }
    catch (err) {
        if (!isFerryError(err))
            throw err;
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
function failDuplicates(records) {
    const byKey = new Map();
    records.forEach((record, index) => {
        if (record.status !== 'available')
            return; // refused or disabled ones cannot clash
        const key = `${record.kind}:${record.id}`;
        byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    const result = [...records];
    for (const indexes of byKey.values()) {
        if (indexes.length < 2)
            continue;
        const clashing = indexes.map((i) => records[i]);
        const { kind, id } = clashing[0];
        const problem = toProblem(new DuplicatePluginError(kind, id, clashing));
        for (const i of indexes)
            result[i] = { ...records[i], status: 'failed', problem };
    }
    return result;
}
function toProblem(err) {
    return { code: err.code, message: err.message };
}
function located(err, path) {
    return { ...toProblem(err), path };
}
//# sourceMappingURL=plugin-discovery.js.map