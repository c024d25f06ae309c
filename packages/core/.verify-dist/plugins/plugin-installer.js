import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { PLUGIN_API_VERSION } from '../api/plugin.js';
import { isApiVersionCompatible } from './api-version-compatible.js';
import { checkPluginDeclaration } from './check-plugin-declaration.js';
import { PluginApiVersionError } from './plugin-api-version-error.js';
import { PluginInstallError } from './plugin-install-error.js';
import { readManifest } from './plugin-manifest.js';
import { PluginManifestError } from './plugin-manifest-error.js';
import { PluginNotInstalledError } from './plugin-not-installed-error.js';
import { runNpm } from './run-npm.js';
const NPM_FLAGS = ['--no-audit', '--no-fund'];
/** `<stateDir>/plugins`: an npm project of its own, so npm does all the resolving and linking. */
export function pluginsDir(stateDir) {
    return join(stateDir, 'plugins');
}
/**
 * `ferry plugins add`: installs with npm into the plugins dir, then refuses (and rolls back)
 * anything discovery would refuse, so a bad package never sits there half-accepted.
 */
export async function installPlugin(options) {
    const dir = pluginsDir(options.stateDir);
    ensurePluginsPackage(dir);
    const spec = npmSpec(options.spec, options.cwd ?? process.cwd());
    const before = {
        deps: readDependencies(dir),
        pkg: readText(dir, 'package.json'),
        lock: readText(dir, 'package-lock.json'),
    };
    const args = ['install', '--save', ...NPM_FLAGS, '--prefix', dir, spec];
    await runNpm(args, dir, options);
    const name = installedName(before.deps, readDependencies(dir), spec, dir);
    if (name === undefined) {
        throw new PluginInstallError(`npm ${args.join(' ')}`, `succeeded, but no dependency in ${dir}/package.json matches it`);
    }
    const packageDir = join(dir, 'node_modules', name);
    try {
        const manifest = readManifest(packageDir);
        if (!manifest?.ferry) {
            throw new PluginManifestError(join(packageDir, 'package.json'), `${name} has no "ferry" field, so it is not a Ferry plugin package; it was not kept`);
        }
        const hostApiVersion = options.hostApiVersion ?? PLUGIN_API_VERSION;
        const { apiVersion } = manifest.ferry;
        // checked here too, not only per plugin: a package declaring no plugins must not slip through
        if (!isApiVersionCompatible(apiVersion, hostApiVersion)) {
            throw new PluginApiVersionError(name, manifest.version, packageDir, apiVersion, hostApiVersion);
        }
        for (const plugin of manifest.ferry.plugins) {
            const problem = checkPluginDeclaration({
                ...plugin,
                packageName: name,
                packageVersion: manifest.version,
                packageDir,
                apiVersion,
            }, hostApiVersion);
            if (problem)
                throw problem;
        }
        return {
            name,
            version: manifest.version,
            packageDir,
            plugins: manifest.ferry.plugins.map(({ kind, id }) => ({ kind, id })),
        };
    }
    catch (err) {
        if (name in before.deps) {
            // An upgrade was refused: put back the exact previous state rather than lose the old version.
            writeFileSync(join(dir, 'package.json'), before.pkg ?? '');
            if (before.lock !== undefined)
                writeFileSync(join(dir, 'package-lock.json'), before.lock);
            await runNpm(['install', ...NPM_FLAGS, '--prefix', dir], dir, options);
        }
        else {
            await runNpm(['uninstall', ...NPM_FLAGS, '--prefix', dir, name], dir, options);
        }
        throw err;
    }
}
/** `ferry plugins remove <name>`: only what `ferry plugins add` installed can be removed. */
export async function removePlugin(stateDir, name, options = {}) {
    const dir = pluginsDir(stateDir);
    const installed = Object.keys(readDependencies(dir));
    if (!installed.includes(name))
        throw new PluginNotInstalledError(name, dir, installed);
    await runNpm(['uninstall', ...NPM_FLAGS, '--prefix', dir, name], dir, options);
}
/** Names of the packages `ferry plugins add` installed. */
export function installedPluginPackages(stateDir) {
    return Object.keys(readDependencies(pluginsDir(stateDir)));
}
function ensurePluginsPackage(dir) {
    mkdirSync(dir, { recursive: true });
    if (existsSync(join(dir, 'package.json')))
        return;
    const pkg = {
        name: 'ferry-plugins',
        private: true,
        description: 'Installed by `ferry plugins add`; managed by npm.',
    };
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`, { flag: 'wx' });
}
/** npm's own rule for what is a path (npm-package-arg); paths become absolute so `--prefix` cannot shift them. */
function npmSpec(spec, cwd) {
    const isPath = /^(?:\.|~\/|\/|\\|[a-zA-Z]:)/.test(spec) || /\.(?:tgz|tar\.gz|tar)$/i.test(spec);
    if (!isPath)
        return spec;
    return resolve(cwd, spec.startsWith('~/') ? join(homedir(), spec.slice(2)) : spec);
}
/** The dependency the install added or changed; for a reinstall of the same thing, the one it names. */
function installedName(before, after, spec, dir) {
    const changed = Object.keys(after).filter((name) => before[name] !== after[name]);
    if (changed.length === 1)
        return changed[0];
    if (spec.startsWith('/')) {
        return Object.keys(after).find((name) => after[name]?.startsWith('file:') && resolve(dir, after[name].slice(5)) === spec);
    }
    const at = spec.indexOf('@', 1);
    const name = at > 0 ? spec.slice(0, at) : spec;
    return name in after ? name : undefined;
}
function readDependencies(dir) {
    const text = readText(dir, 'package.json');
    if (text === undefined)
        return {};
    const deps = JSON.parse(text).dependencies;
    return deps ?? {};
}
function readText(dir, file) {
    try {
        return readFileSync(join(dir, file), 'utf8');
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=plugin-installer.js.map