import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { container as rootContainer } from 'tsyringe';
import { describe, expect, it } from 'vitest';
import type { PluginContext } from '../api/plugin-context.js';
import type { Clock } from '../clock/clock.js';
import { FerryError } from '../errors/ferry-error.js';
import { ENGINE_RUNNER, PLUGIN_CONFIG, PLUGIN_CONTEXT, TRANSPORT } from '../tokens.js';
import { type FixturePackage, pluginModule, tempDir, writePackage } from './__fixtures__/plugin-fixtures.js';
import { discoverPlugins } from './plugin-discovery.js';
import type { PluginLoadError } from './plugin-load-error.js';
import type { ConfigKeyPath, PluginLoadOptions } from './plugin-loader.js';
import { PluginRegistry } from './plugin-registry.js';

class TestConfigInvalidError extends FerryError {
  readonly code = 'FERRY_CONFIG_INVALID';
}

/** Each call is 7 ms after the previous one, so a load measures a known time. */
function steppingClock(): Clock {
  let now = 0;
  return { now: () => (now += 7), sleep: async () => undefined };
}

/** `packages` may take the test's root dir, for entries that leave marker files there. */
function setup(
  packages: FixturePackage[] | ((root: string) => FixturePackage[]),
  config: Record<string, unknown> = {},
) {
  const root = tempDir();
  const hostDir = writePackage(join(root, 'node_modules', '@ferry', 'core'), { name: '@ferry/core' });
  for (const pkg of typeof packages === 'function' ? packages(root) : packages) {
    writePackage(join(root, 'node_modules', pkg.name), pkg);
  }
  const discovery = discoverPlugins({ hostPackageDir: hostDir, stateDir: join(root, 'state') });
  const registry = new PluginRegistry(discovery, steppingClock());
  const validated: ConfigKeyPath[] = [];
  const options: PluginLoadOptions = {
    parent: rootContainer.createChildContainer(),
    contextFor: (record) =>
      ({ id: record.id, kind: record.kind, packageName: record.packageName }) as PluginContext,
    validateConfig: (schema, keyPath) => {
      validated.push(keyPath);
      const result = schema.safeParse(config[keyPath.join('.')]);
      if (!result.success)
        throw new TestConfigInvalidError(`ferry.toml:3: ${keyPath.join('.')}: ${result.error.message}`);
      return result.data;
    },
  };
  /** Lines an entry appended to `<root>/<name>`: `import` per evaluation, `register` per call. */
  const marks = (name: string) => {
    const file = join(root, name);
    return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n') : [];
  };
  return { root, registry, options, validated, marks };
}

async function rejection(promise: Promise<unknown>): Promise<PluginLoadError> {
  try {
    await promise;
  } catch (err) {
    return err as PluginLoadError;
  }
  throw new Error('expected a rejection');
}

const engine = (id: string, source?: string): FixturePackage => ({
  name: `ferry-engine-${id}`,
  plugins: [{ kind: 'engine', id, ...(source === undefined ? {} : { source }) }],
});

describe('PluginRegistry', () => {
  it('imports a plugin only when it is loaded, and once for concurrent loads', async () => {
    const s = setup((root) => [
      engine('lazy', pluginModule({ kind: 'engine', id: 'lazy', marker: join(root, 'lazy.log') })),
    ]);

    expect(s.marks('lazy.log')).toEqual([]);
    const [a, b] = await Promise.all([
      s.registry.load('engine', 'lazy', s.options),
      s.registry.load('engine', 'lazy', s.options),
    ]);

    expect(a).toBe(b);
    expect(s.marks('lazy.log')).toEqual(['import', 'register']);
    expect(await s.registry.load('engine', 'lazy', s.options)).toBe(a);
    expect(s.marks('lazy.log')).toEqual(['import', 'register']);
  });

  it('gives the plugin its own child container with context and config, and records the load time', async () => {
    const s = setup([
      engine('demo'),
      { name: 'ferry-transport-t', plugins: [{ kind: 'transport', id: 't' }] },
    ]);

    const loaded = await s.registry.load('engine', 'demo', s.options);

    const runner = loaded.resolve(ENGINE_RUNNER) as unknown as {
      id: string;
      config: unknown;
      context: PluginContext;
    };
    expect(runner).toMatchObject({
      id: 'demo',
      config: {},
      context: { id: 'demo', packageName: 'ferry-engine-demo' },
    });
    expect(loaded.resolve(PLUGIN_CONTEXT).id).toBe('demo');
    expect(loaded.container.resolve(PLUGIN_CONFIG)).toEqual({});
    expect(s.options.parent.isRegistered(ENGINE_RUNNER, true)).toBe(false);
    expect(loaded.loadMs).toBe(7);
    expect(s.registry.find('engine', 'demo')).toMatchObject({ status: 'loaded', loadMs: 7 });
    expect(s.registry.find('transport', 't')!.status).toBe('available');
    expect(s.validated).toEqual([]); // no schema, no validation: the config is {}
  });

  it('records a plugin that throws on import as failed, remembers it, and still loads the others', async () => {
    const brokenSource = (root: string) => `import { appendFileSync } from 'node:fs';
appendFileSync(${JSON.stringify(join(root, 'broken.log'))}, 'import\\n');
throw new Error('cannot find the claude binary');
`;
    const s = setup((root) => [engine('broken', brokenSource(root)), engine('fine')]);

    const err = await rejection(s.registry.load('engine', 'broken', s.options));

    expect(err.code).toBe('FERRY_PLUGIN_LOAD');
    expect(err.reason).toBe('FERRY_PLUGIN_LOAD');
    expect(err.message).toContain('engine:broken');
    expect(err.message).toContain('ferry-engine-broken');
    expect(err.message).toContain('cannot find the claude binary');
    expect((err.cause as Error).message).toBe('cannot find the claude binary');
    expect(s.registry.find('engine', 'broken')).toMatchObject({
      status: 'failed',
      problem: { code: 'FERRY_PLUGIN_LOAD', message: err.message },
    });
    expect(await rejection(s.registry.load('engine', 'broken', s.options))).toBe(err);
    expect(s.marks('broken.log')).toEqual(['import']);
    expect(await s.registry.tryLoad('engine', 'broken', s.options)).toBeUndefined();
    expect((await s.registry.load('engine', 'fine', s.options)).record.status).toBe('loaded');
  });

  it.each([
    ['no default export', 'export const plugin = {};', 'default export is missing'],
    ['a default export for another id', pluginModule({ kind: 'engine', id: 'other' }), 'engine:other'],
    ['a default export without register', "export default { kind: 'engine', id: 'x' };", 'register'],
    [
      'a register that provides nothing',
      "export default { kind: 'engine', id: 'x', register() {} };",
      'did not register ferry.engineRunner',
    ],
    [
      'a configSchema that is not a schema',
      "export default { kind: 'engine', id: 'x', configSchema: {}, register() {} };",
      'configSchema',
    ],
  ])('refuses an entry with %s', async (_what, source, text) => {
    const s = setup([engine('x', source)]);

    const err = await rejection(s.registry.load('engine', 'x', s.options));

    expect(err.code).toBe('FERRY_PLUGIN_LOAD');
    expect(err.reason).toBe('FERRY_PLUGIN_INVALID');
    expect(err.message).toContain(text);
    expect(s.registry.find('engine', 'x')!.problem!.code).toBe('FERRY_PLUGIN_INVALID');
  });

  it('records a register() that throws, and the host container stays untouched', async () => {
    const source =
      "export default { kind: 'engine', id: 'x', register() { throw new Error('no api key'); } };";
    const s = setup([engine('x', source)]);

    const err = await rejection(s.registry.load('engine', 'x', s.options));

    expect(err.message).toContain('no api key');
    expect(s.registry.find('engine', 'x')!.status).toBe('failed');
    expect(s.options.parent.isRegistered(PLUGIN_CONTEXT, true)).toBe(false);
  });

  it('validates config through the callback with the key path of each kind', async () => {
    const s = setup(
      [
        {
          name: 'ferry-engine-e',
          plugins: [
            { kind: 'engine', id: 'e', source: pluginModule({ kind: 'engine', id: 'e', withSchema: true }) },
          ],
        },
        {
          name: 'ferry-transport-t',
          plugins: [
            {
              kind: 'transport',
              id: 't',
              source: pluginModule({ kind: 'transport', id: 't', withSchema: true }),
            },
          ],
        },
        {
          name: 'ferry-command-c',
          plugins: [
            {
              kind: 'command',
              id: 'c',
              source: pluginModule({ kind: 'command', id: 'c', withSchema: true }),
            },
          ],
        },
      ],
      { 'engines.e': { greeting: 'hi' }, 'transports.t': { greeting: 'yo' }, 'plugins.c': { greeting: 42 } },
    );

    const e = await s.registry.load('engine', 'e', s.options);
    const t = await s.registry.load('transport', 't', s.options);
    const err = await rejection(s.registry.load('command', 'c', s.options));

    expect(s.validated).toEqual([
      ['engines', 'e'],
      ['transports', 't'],
      ['plugins', 'c'],
    ]);
    expect(e.container.resolve(PLUGIN_CONFIG)).toEqual({ greeting: 'hi' });
    expect((t.resolve(TRANSPORT) as unknown as { config: unknown }).config).toEqual({ greeting: 'yo' });
    expect(err.code).toBe('FERRY_PLUGIN_LOAD');
    expect(err.reason).toBe('FERRY_CONFIG_INVALID');
    expect(err.cause).toBeInstanceOf(TestConfigInvalidError);
    expect(err.message).toContain('ferry.toml:3: plugins.c: greeting: expected a string');
    expect(s.registry.find('command', 'c')!.problem!.code).toBe('FERRY_CONFIG_INVALID');
  });

  it('says what it looked for and where when no package declares the plugin', async () => {
    const s = setup([engine('claude')]);

    const err = await rejection(s.registry.requireLoaded('engine', 'codex', s.options));

    expect(err.code).toBe('FERRY_PLUGIN_NOT_FOUND');
    expect(err.message).toContain('engine "codex"');
    expect(err.message).toContain('claude');
    expect(err.message).toContain(join(s.root, 'node_modules'));
    expect(err.message).toContain(join(s.root, 'state', 'plugins', 'node_modules'));
  });

  it('refuses to load disabled plugins and those refused at discovery, with one-line errors', async () => {
    const root = tempDir();
    const hostDir = writePackage(join(root, 'host'), { name: '@ferry/core' });
    for (const name of ['ferry-a', 'ferry-b', 'ferry-c']) {
      writePackage(join(root, 'node_modules', name), {
        name,
        plugins: [{ kind: 'engine', id: name === 'ferry-c' ? 'c' : 'dup' }],
      });
    }
    const discovery = discoverPlugins({
      hostPackageDir: hostDir,
      stateDir: root,
      enabled: ['ferry-a', 'ferry-b'],
    });
    const registry = new PluginRegistry(discovery, steppingClock());
    const options = setup([]).options;

    const disabled = await rejection(registry.load('engine', 'c', options));
    const duplicate = await rejection(registry.requireLoaded('engine', 'dup', options));

    expect(disabled.code).toBe('FERRY_PLUGIN_DISABLED');
    expect(disabled.message).toContain('ferry-c');
    expect(duplicate.code).toBe('FERRY_PLUGIN_LOAD');
    expect(duplicate.reason).toBe('FERRY_PLUGIN_DUPLICATE');
    expect(duplicate.message).toContain('ferry-a');
    expect(duplicate.message).toContain('ferry-b');
    expect(duplicate.message).not.toContain('\n');
  });
});
