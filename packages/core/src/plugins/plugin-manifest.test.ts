import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writePackage } from './__fixtures__/plugin-fixtures.js';
import { readManifest } from './plugin-manifest.js';
import { PluginManifestError } from './plugin-manifest-error.js';

describe('readManifest', () => {
  it('parses the ferry field of a plugin package', () => {
    const dir = writePackage(tempDir(), {
      name: 'ferry-engine-x',
      version: '2.3.4',
      plugins: [{ kind: 'engine', id: 'x', entry: './dist/plugin.js' }],
    });
    expect(readManifest(dir)).toEqual({
      name: 'ferry-engine-x',
      version: '2.3.4',
      ferry: { apiVersion: '1.0', plugins: [{ kind: 'engine', id: 'x', entry: './dist/plugin.js' }] },
    });
  });

  it('returns no ferry field for an ordinary package and nothing for a dir without package.json', () => {
    const dir = writePackage(tempDir(), { name: 'left-pad', ferry: null });
    expect(readManifest(dir)).toEqual({ name: 'left-pad', version: '1.0.0' });
    expect(readManifest(tempDir())).toBeUndefined();
  });

  it('refuses invalid JSON, naming the file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '{ "name": ');
    const err = catchError(() => readManifest(dir));
    expect(err).toBeInstanceOf(PluginManifestError);
    expect((err as PluginManifestError).code).toBe('FERRY_PLUGIN_MANIFEST');
    expect((err as Error).message).toContain(join(dir, 'package.json'));
  });

  it.each([
    [
      'an unknown kind',
      { apiVersion: '1.0', plugins: [{ kind: 'widget', id: 'x', entry: './x.js' }] },
      'ferry.plugins.0.kind',
    ],
    ['a malformed apiVersion', { apiVersion: '1', plugins: [] }, 'ferry.apiVersion'],
    [
      'an entry outside the package',
      { apiVersion: '1.0', plugins: [{ kind: 'engine', id: 'x', entry: '../x.js' }] },
      'ferry.plugins.0.entry',
    ],
    [
      'an absolute entry',
      { apiVersion: '1.0', plugins: [{ kind: 'engine', id: 'x', entry: '/x.js' }] },
      'ferry.plugins.0.entry',
    ],
    [
      'the same plugin twice',
      {
        apiVersion: '1.0',
        plugins: [
          { kind: 'engine', id: 'x', entry: './a.js' },
          { kind: 'engine', id: 'x', entry: './b.js' },
        ],
      },
      'ferry.plugins.1.id',
    ],
  ])('refuses %s, naming the key', (_what, ferry, key) => {
    const dir = writePackage(tempDir(), { name: 'bad', ferry });
    const err = catchError(() => readManifest(dir)) as PluginManifestError;
    expect(err.code).toBe('FERRY_PLUGIN_MANIFEST');
    expect(err.message).toContain(key);
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}
