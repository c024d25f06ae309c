import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { type FixturePackage, tempDir, writePackage } from './__fixtures__/plugin-fixtures.js';
import { discoverPlugins } from './plugin-discovery.js';
import { installedPluginPackages, installPlugin, pluginsDir, removePlugin } from './plugin-installer.js';
import { runNpm } from './run-npm.js';

/*
 * Real npm, offline: fixtures are local directories and `npm pack`ed tarballs with no
 * dependencies, and npm_config_offline makes any registry request fail the test.
 */

function setup() {
  vi.stubEnv('npm_config_offline', 'true');
  onTestFinished(() => {
    vi.unstubAllEnvs();
  });
  const root = tempDir();
  const stateDir = join(root, 'state');
  const hostDir = writePackage(join(root, 'host'), { name: '@ferry/core' });
  const output: string[] = [];
  const onOutput = (line: string) => output.push(line);
  const pack = async (pkg: FixturePackage) => {
    const dir = writePackage(join(root, 'src', `${pkg.name}-${pkg.version ?? '1.0.0'}`), pkg);
    await runNpm(['pack', '--pack-destination', root], dir);
    return join(root, `${pkg.name}-${pkg.version ?? '1.0.0'}.tgz`);
  };
  const discover = () => discoverPlugins({ hostPackageDir: hostDir, stateDir });
  return { root, stateDir, output, onOutput, pack, discover };
}

const dependencies = (stateDir: string) =>
  (JSON.parse(readFileSync(join(pluginsDir(stateDir), 'package.json'), 'utf8')) as { dependencies?: object })
    .dependencies ?? {};

describe('installPlugin / removePlugin', () => {
  it('installs a directory and a tarball with npm, discovery finds them in the state dir, and removes them', async () => {
    const s = setup();
    const dir = writePackage(join(s.root, 'ferry-engine-local'), {
      name: 'ferry-engine-local',
      plugins: [{ kind: 'engine', id: 'local' }],
    });
    const tarball = await s.pack({
      name: 'ferry-command-packed',
      version: '2.1.0',
      plugins: [{ kind: 'command', id: 'deploy' }],
    });

    const local = await installPlugin({ stateDir: s.stateDir, spec: dir, onOutput: s.onOutput });
    const packed = await installPlugin({
      stateDir: s.stateDir,
      spec: basename(tarball), // relative to cwd, as typed at a shell
      cwd: s.root,
      onOutput: s.onOutput,
    });

    expect(local).toMatchObject({
      name: 'ferry-engine-local',
      version: '1.0.0',
      plugins: [{ kind: 'engine', id: 'local' }],
    });
    expect(packed).toMatchObject({
      name: 'ferry-command-packed',
      version: '2.1.0',
      plugins: [{ kind: 'command', id: 'deploy' }],
    });
    expect(s.output.some((line) => line.includes('added 1 package'))).toBe(true);
    expect(JSON.parse(readFileSync(join(pluginsDir(s.stateDir), 'package.json'), 'utf8'))).toMatchObject({
      private: true,
    });
    expect(installedPluginPackages(s.stateDir)).toEqual(['ferry-command-packed', 'ferry-engine-local']);
    const found = s.discover().records.map((r) => [r.source, r.packageName, r.status]);
    expect(found).toEqual([
      ['state', 'ferry-command-packed', 'available'],
      ['state', 'ferry-engine-local', 'available'],
    ]);
    expect(s.discover().records[0]!.packageDir).toBe(
      realpathSync(join(pluginsDir(s.stateDir), 'node_modules', 'ferry-command-packed')),
    );

    await removePlugin(s.stateDir, 'ferry-command-packed', { onOutput: s.onOutput });
    await removePlugin(s.stateDir, 'ferry-engine-local');

    expect(s.discover().records).toEqual([]);
    expect(dependencies(s.stateDir)).toEqual({});
  });

  it('reinstalling the same tarball reports the same package', async () => {
    const s = setup();
    const tarball = await s.pack({ name: 'ferry-engine-again', plugins: [{ kind: 'engine', id: 'again' }] });

    await installPlugin({ stateDir: s.stateDir, spec: tarball });
    const again = await installPlugin({ stateDir: s.stateDir, spec: tarball });

    expect(again.name).toBe('ferry-engine-again');
  });

  it('refuses a package without a ferry field and leaves nothing installed', async () => {
    const s = setup();
    const tarball = await s.pack({ name: 'left-pad', ferry: null });

    const err = await installPlugin({ stateDir: s.stateDir, spec: tarball, onOutput: s.onOutput }).catch(
      (e: unknown) => e,
    );

    expect(err).toMatchObject({ code: 'FERRY_PLUGIN_MANIFEST' });
    expect((err as Error).message).toContain('left-pad');
    expect(dependencies(s.stateDir)).toEqual({});
    expect(existsSync(join(pluginsDir(s.stateDir), 'node_modules', 'left-pad'))).toBe(false);
  });

  it('refuses an incompatible API version; a refused upgrade keeps the version that was there', async () => {
    const s = setup();
    const v1 = await s.pack({
      name: 'ferry-engine-up',
      version: '1.0.0',
      plugins: [{ kind: 'engine', id: 'up' }],
    });
    const v2 = await s.pack({
      name: 'ferry-engine-up',
      version: '2.0.0',
      apiVersion: '2.0',
      plugins: [{ kind: 'engine', id: 'up' }],
    });
    const fresh = await s.pack({
      name: 'ferry-engine-new',
      apiVersion: '1.9',
      plugins: [{ kind: 'engine', id: 'new' }],
    });
    await installPlugin({ stateDir: s.stateDir, spec: v1 });

    const upgrade = await installPlugin({ stateDir: s.stateDir, spec: v2 }).catch((e: unknown) => e);
    const install = await installPlugin({ stateDir: s.stateDir, spec: fresh }).catch((e: unknown) => e);

    expect(upgrade).toMatchObject({ code: 'FERRY_PLUGIN_API_VERSION' });
    expect((upgrade as Error).message).toContain('ferry-engine-up@2.0.0');
    expect(install).toMatchObject({ code: 'FERRY_PLUGIN_API_VERSION' });
    expect(s.discover().records.map((r) => [r.packageName, r.packageVersion, r.status])).toEqual([
      ['ferry-engine-up', '1.0.0', 'available'],
    ]);
  });

  it("reports a failed npm run with its command, after streaming npm's own explanation", async () => {
    const s = setup();

    const err = await installPlugin({
      stateDir: s.stateDir,
      spec: './does-not-exist.tgz',
      cwd: s.root,
      onOutput: s.onOutput,
    }).catch((e: unknown) => e);

    expect(err).toMatchObject({ code: 'FERRY_PLUGIN_INSTALL' });
    expect((err as Error).message).toContain(join(s.root, 'does-not-exist.tgz'));
    expect(s.output.join('\n')).toContain('npm error');
  });

  it('refuses to remove a package it did not install, listing what is installed', async () => {
    const s = setup();
    const tarball = await s.pack({ name: 'ferry-engine-kept', plugins: [{ kind: 'engine', id: 'kept' }] });
    await installPlugin({ stateDir: s.stateDir, spec: tarball });

    const err = await removePlugin(s.stateDir, '@ferry/engine-claude').catch((e: unknown) => e);

    expect(err).toMatchObject({ code: 'FERRY_PLUGIN_NOT_INSTALLED' });
    expect((err as Error).message).toContain('@ferry/engine-claude');
    expect((err as Error).message).toContain('ferry-engine-kept');
  });
});
