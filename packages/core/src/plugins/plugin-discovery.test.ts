import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FixturePackage, tempDir, writePackage } from './__fixtures__/plugin-fixtures.js';
import { type DiscoveryOptions, discoverPlugins } from './plugin-discovery.js';
import type { PluginRecord } from './plugin-record.js';

/** An npm-style install: the host at app/node_modules/@ferry/core, plugins beside it. */
function world() {
  const root = tempDir();
  const modules = join(root, 'app', 'node_modules');
  const hostDir = writePackage(join(modules, '@ferry', 'core'), {
    name: '@ferry/core',
    plugins: [{ kind: 'transport', id: 'console' }],
  });
  const stateDir = join(root, 'state');
  mkdirSync(stateDir);
  const discover = (extra: Partial<DiscoveryOptions> = {}) =>
    discoverPlugins({ hostPackageDir: hostDir, stateDir, ...extra });
  const dependency = (pkg: FixturePackage) => writePackage(join(modules, pkg.name), pkg);
  const stateInstalled = (pkg: FixturePackage) =>
    writePackage(join(stateDir, 'plugins', 'node_modules', pkg.name), pkg);
  return { root, modules, hostDir, stateDir, discover, dependency, stateInstalled };
}

const summary = (records: readonly PluginRecord[]) =>
  records.map((r) => `${r.source} ${r.packageName} ${r.kind}:${r.id} ${r.status}`);

const byId = (records: readonly PluginRecord[], id: string) => records.find((r) => r.id === id)!;

describe('discoverPlugins', () => {
  it('finds the host, its dependencies, the state dir and [plugins] paths, in that order', () => {
    const w = world();
    w.dependency({ name: 'ferry-engine-a', plugins: [{ kind: 'engine', id: 'a' }] });
    w.dependency({ name: 'left-pad', ferry: null });
    w.stateInstalled({ name: 'ferry-command-b', plugins: [{ kind: 'command', id: 'b' }] });
    const extra = writePackage(join(w.root, 'extra', 'ferry-service-c'), {
      name: 'ferry-service-c',
      plugins: [{ kind: 'service', id: 'c' }],
    });
    const single = writePackage(join(w.root, 'single'), {
      name: 'ferry-engine-d',
      plugins: [{ kind: 'engine', id: 'd' }],
    });

    const result = w.discover({ paths: [join(w.root, 'extra'), relative(w.stateDir, single)] });

    expect(summary(result.records)).toEqual([
      'host @ferry/core transport:console available',
      'dependency ferry-engine-a engine:a available',
      'state ferry-command-b command:b available',
      'path ferry-service-c service:c available',
      'path ferry-engine-d engine:d available',
    ]);
    expect(result.problems).toEqual([]);
    const c = byId(result.records, 'c');
    expect(c).toMatchObject({
      packageDir: extra,
      entry: join(extra, 'service-c.js'),
      apiVersion: '1.0',
      packageVersion: '1.0.0',
    });
    expect(result.searched).toContain(w.modules);
    expect(result.searched).toContain(join(w.stateDir, 'plugins', 'node_modules'));
  });

  it('reads manifests only and never imports an entry', () => {
    const w = world();
    const marker = join(w.root, 'imported');
    const source = `import { writeFileSync } from 'node:fs';
writeFileSync(${JSON.stringify(marker)}, 'x');
throw new Error('imported at discovery');
`;
    w.dependency({ name: 'ferry-engine-a', plugins: [{ kind: 'engine', id: 'a', source }] });

    const result = w.discover();

    expect(byId(result.records, 'a').status).toBe('available');
    expect(existsSync(marker)).toBe(false);
  });

  it('finds scoped packages and follows pnpm-style symlinks, counting each real package once', () => {
    const root = tempDir();
    const store = join(root, 'node_modules', '.pnpm');
    const hostDir = writePackage(join(store, '@ferry+core@1.0.0', 'node_modules', '@ferry', 'core'), {
      name: '@ferry/core',
    });
    const engineDir = writePackage(
      join(store, '@acme+ferry-engine-x@1.0.0', 'node_modules', '@acme', 'ferry-engine-x'),
      {
        name: '@acme/ferry-engine-x',
        plugins: [{ kind: 'engine', id: 'x' }],
      },
    );
    const link = (from: string, to: string) => {
      mkdirSync(dirname(from), { recursive: true });
      symlinkSync(relative(dirname(from), to), from);
    };
    // pnpm links a package's dependencies beside it, the root's direct dependencies at the top,
    // and hoists everything into .pnpm/node_modules: three routes to one real directory.
    link(join(store, '@ferry+core@1.0.0', 'node_modules', '@acme', 'ferry-engine-x'), engineDir);
    link(join(root, 'node_modules', '@acme', 'ferry-engine-x'), engineDir);
    link(join(store, 'node_modules', '@acme', 'ferry-engine-x'), engineDir);
    link(join(root, 'node_modules', '@ferry', 'core'), hostDir);
    link(join(root, 'node_modules', 'dangling'), join(root, 'nowhere'));

    const result = discoverPlugins({
      hostPackageDir: join(root, 'node_modules', '@ferry', 'core'),
      stateDir: root,
    });

    expect(summary(result.records)).toEqual(['dependency @acme/ferry-engine-x engine:x available']);
    expect(result.records[0]!.packageDir).toBe(engineDir);
    expect(result.records[0]!.entry).toBe(join(engineDir, 'engine-x.js'));
  });

  it('accepts the same API major with an older or equal minor and refuses the rest, naming both versions', () => {
    const w = world();
    w.dependency({ name: 'ferry-ok', apiVersion: '1.0', plugins: [{ kind: 'engine', id: 'ok' }] });
    w.dependency({
      name: 'ferry-minor',
      version: '3.1.0',
      apiVersion: '1.9',
      plugins: [{ kind: 'engine', id: 'minor' }],
    });
    w.dependency({ name: 'ferry-major', apiVersion: '2.0', plugins: [{ kind: 'engine', id: 'major' }] });

    const { records } = w.discover();

    expect(byId(records, 'ok').status).toBe('available');
    for (const id of ['minor', 'major']) {
      expect(byId(records, id)).toMatchObject({
        status: 'failed',
        problem: { code: 'FERRY_PLUGIN_API_VERSION' },
      });
    }
    const message = byId(records, 'minor').problem!.message;
    expect(message).toContain('ferry-minor@3.1.0');
    expect(message).toContain('1.9');
    expect(message).toContain('1.0');
    expect(byId(w.discover({ hostApiVersion: '1.9' }).records, 'minor').status).toBe('available');
  });

  it('fails every package that declares the same kind and id, naming both', () => {
    const w = world();
    const a = w.dependency({ name: 'ferry-engine-one', plugins: [{ kind: 'engine', id: 'same' }] });
    const b = w.stateInstalled({ name: 'ferry-engine-two', plugins: [{ kind: 'engine', id: 'same' }] });
    w.dependency({ name: 'ferry-command-same', plugins: [{ kind: 'command', id: 'same' }] });

    const { records } = w.discover();

    const clashing = records.filter((r) => r.kind === 'engine');
    expect(clashing.map((r) => r.status)).toEqual(['failed', 'failed']);
    for (const record of clashing) {
      expect(record.problem!.code).toBe('FERRY_PLUGIN_DUPLICATE');
      for (const text of ['ferry-engine-one', 'ferry-engine-two', a, b])
        expect(record.problem!.message).toContain(text);
    }
    expect(records.find((r) => r.kind === 'command')!.status).toBe('available');
  });

  it('disables packages missing from [plugins] enabled, never the host, and lets the allowlist settle a duplicate', () => {
    const w = world();
    w.dependency({ name: 'ferry-engine-one', plugins: [{ kind: 'engine', id: 'same' }] });
    w.dependency({ name: 'ferry-engine-two', plugins: [{ kind: 'engine', id: 'same' }] });

    const { records } = w.discover({ enabled: ['ferry-engine-two'] });

    expect(summary(records)).toEqual([
      'host @ferry/core transport:console available',
      'dependency ferry-engine-one engine:same disabled',
      'dependency ferry-engine-two engine:same available',
    ]);
  });

  it("refuses ids outside the pattern and command ids of built-ins, keeping the package's other plugins", () => {
    const w = world();
    w.dependency({
      name: 'ferry-mixed',
      plugins: [
        { kind: 'engine', id: 'Bad-Id' },
        { kind: 'command', id: 'status' },
        { kind: 'engine', id: 'status' },
        { kind: 'command', id: 'deploy' },
      ],
    });

    const { records } = w.discover();

    expect(
      records
        .filter((r) => r.packageName === 'ferry-mixed')
        .map((r) => [r.kind, r.id, r.status, r.problem?.code]),
    ).toEqual([
      ['engine', 'Bad-Id', 'failed', 'FERRY_PLUGIN_ID_INVALID'],
      ['command', 'status', 'failed', 'FERRY_PLUGIN_ID_RESERVED'],
      ['engine', 'status', 'available', undefined],
      ['command', 'deploy', 'available', undefined],
    ]);
  });

  it('reports unreadable manifests and bad paths as problems and still finds the rest', () => {
    const w = world();
    mkdirSync(join(w.modules, 'broken'));
    writeFileSync(join(w.modules, 'broken', 'package.json'), '{ not json');
    w.dependency({
      name: 'ferry-bad-kind',
      ferry: { apiVersion: '1.0', plugins: [{ kind: 'widget', id: 'x', entry: './x.js' }] },
    });
    w.dependency({ name: 'ferry-engine-a', plugins: [{ kind: 'engine', id: 'a' }] });
    const notPlugin = writePackage(join(w.root, 'not-a-plugin'), { name: 'not-a-plugin', ferry: null });

    const result = w.discover({ paths: [join(w.root, 'missing'), notPlugin] });

    expect(byId(result.records, 'a').status).toBe('available');
    const problems = result.problems.map((p) => [p.code, p.path]);
    expect(problems).toHaveLength(4);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['FERRY_PLUGIN_MANIFEST', join(w.modules, 'broken')],
        ['FERRY_PLUGIN_MANIFEST', join(w.modules, 'ferry-bad-kind')],
        ['FERRY_PLUGIN_PATH', join(w.root, 'missing')],
        ['FERRY_PLUGIN_MANIFEST', notPlugin],
      ]),
    );
    expect(result.problems.find((p) => p.path.endsWith('ferry-bad-kind'))!.message).toContain(
      'ferry.plugins.0.kind',
    );
  });

  it('ignores the copy of the host package npm installs beside a plugin as its peer dependency', () => {
    const w = world();
    w.stateInstalled({ name: '@ferry/core', plugins: [{ kind: 'transport', id: 'console' }] });
    w.stateInstalled({ name: 'ferry-engine-a', plugins: [{ kind: 'engine', id: 'a' }] });

    const { records } = w.discover();

    expect(summary(records)).toEqual([
      'host @ferry/core transport:console available',
      'state ferry-engine-a engine:a available',
    ]);
  });

  it('counts a package reached from two sources once, under the first', () => {
    const w = world();
    const dir = w.stateInstalled({ name: 'ferry-engine-a', plugins: [{ kind: 'engine', id: 'a' }] });

    const { records } = w.discover({ paths: [dir, join(w.stateDir, 'plugins', 'node_modules')] });

    expect(summary(records)).toEqual([
      'host @ferry/core transport:console available',
      'state ferry-engine-a engine:a available',
    ]);
  });
});
