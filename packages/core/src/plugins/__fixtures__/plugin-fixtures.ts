import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { onTestFinished } from 'vitest';

/*
 * Real plugin packages written to temp dirs, for the plugin tests: package.json with a `ferry`
 * field and plain-JS entry files that Node imports for real.
 */

export interface FixturePlugin {
  readonly kind: string;
  readonly id: string;
  /** Relative to the package; defaults to `./<kind>-<id>.js`. */
  readonly entry?: string;
  /** The entry's source; defaults to `pluginModule({ kind, id })`. */
  readonly source?: string;
}

export interface FixturePackage {
  readonly name: string;
  readonly version?: string;
  readonly apiVersion?: string;
  readonly plugins?: readonly FixturePlugin[];
  /** Replaces the whole `ferry` field (null: no field at all). */
  readonly ferry?: unknown;
}

/** A fresh real directory, removed when the test ends. */
export function tempDir(prefix = 'ferry-plugins-'): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes the package into `dir` (created) and returns `dir`. */
export function writePackage(dir: string, pkg: FixturePackage): string {
  mkdirSync(dir, { recursive: true });
  const plugins = pkg.plugins ?? [];
  const declared = plugins.map((p) => ({
    kind: p.kind,
    id: p.id,
    entry: p.entry ?? `./${p.kind}-${p.id}.js`,
  }));
  const ferry =
    pkg.ferry === undefined ? { apiVersion: pkg.apiVersion ?? '1.0', plugins: declared } : pkg.ferry;
  const json: Record<string, unknown> = { name: pkg.name, version: pkg.version ?? '1.0.0', type: 'module' };
  if (ferry !== null) json.ferry = ferry;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(json, null, 2)}\n`);
  plugins.forEach((plugin, i) => {
    const file = join(dir, declared[i]!.entry);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, plugin.source ?? pluginModule({ kind: plugin.kind, id: plugin.id }));
  });
  return dir;
}

export interface PluginModuleOptions {
  readonly kind: string;
  readonly id: string;
  /** File that gets a line `import` when the module is evaluated and `register` per register call. */
  readonly marker?: string;
  /** A duck-typed schema accepting `{ greeting: string }`, as a plugin bundling its own zod would have. */
  readonly withSchema?: boolean;
}

const PROVIDED_TOKEN: Record<string, string> = {
  engine: 'ferry.engineRunner',
  transport: 'ferry.transport',
  command: 'ferry.command',
  service: 'ferry.service',
};

/** Source of an entry whose default export is a valid plugin definition. */
export function pluginModule(options: PluginModuleOptions): string {
  const mark = (what: string) =>
    options.marker
      ? `appendFileSync(${JSON.stringify(options.marker)}, ${JSON.stringify(`${what}\n`)});`
      : '';
  const schema = options.withSchema
    ? `configSchema: {
    safeParse(value) {
      return typeof value?.greeting === 'string'
        ? { success: true, data: value }
        : { success: false, error: new Error('greeting: expected a string') };
    },
  },`
    : '';
  return `import { appendFileSync } from 'node:fs';
${mark('import')}
export default {
  kind: ${JSON.stringify(options.kind)},
  id: ${JSON.stringify(options.id)},
  ${schema}
  register(container, config) {
    ${mark('register')}
    const context = container.resolve(Symbol.for('ferry.pluginContext'));
    container.register(Symbol.for(${JSON.stringify(PROVIDED_TOKEN[options.kind])}), {
      useValue: { id: ${JSON.stringify(options.id)}, config, context },
    });
  },
};
`;
}
