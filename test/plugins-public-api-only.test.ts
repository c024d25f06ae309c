import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './support/daemon.js';

/*
 * DESIGN §2: plugins import only @ferry/core's public API. The package `exports` map already
 * hides everything else from an installed plugin, but inside this workspace a relative path
 * (`../../core/src/…`) or a deep specifier would still compile. This test scans the source of
 * every plugin, transport and engine package (tests excluded) and names each offending import.
 */

const CORE_DIR = join(REPO, 'packages', 'core');
const ALLOWED_CORE = new Set(['@ferry/core', '@ferry/core/testing']);
/** `from '…'`, `import '…'`, `import('…')`, `require('…')`, `export … from '…'`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"\n]+)['"]/g;

function pluginSourceDirs(): string[] {
  const dirs: string[] = [];
  for (const name of readdirSync(join(REPO, 'plugins'))) dirs.push(join(REPO, 'plugins', name, 'src'));
  for (const name of readdirSync(join(REPO, 'packages'))) {
    if (/^(transport|engine)-/.test(name)) dirs.push(join(REPO, 'packages', name, 'src'));
  }
  return dirs;
}

function walk(dir: string, out: string[] = []): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out; // a package without src/
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') walk(path, out);
    else if (e.isFile() && /\.(ts|mts|cts)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(path);
  }
  return out;
}

/** The imports of one file that reach past @ferry/core's public API, as `file:line: specifier`. */
function forbiddenImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1]!;
    const deep = spec.startsWith('@ferry/core/') && !ALLOWED_CORE.has(spec);
    const target = spec.startsWith('.') || spec.startsWith('/') ? resolve(dirname(file), spec) : undefined;
    const intoCore = target !== undefined && (target === CORE_DIR || target.startsWith(CORE_DIR + sep));
    if (deep || intoCore) {
      const line = text.slice(0, m.index).split('\n').length;
      found.push(`${relative(REPO, file)}:${line}: ${spec}`);
    }
  }
  return found;
}

describe('plugins import only the public API of @ferry/core', () => {
  it('finds what it looks for (guards against a wrong root or pattern)', () => {
    const file = join(REPO, 'plugins', 'x', 'src', 'a.ts');
    const text = [
      "import { definePlugin } from '@ferry/core';",
      "import { ManualClock } from '@ferry/core/testing';",
      "import { z } from 'zod';",
      "import { RunService } from '@ferry/core/dist/runs/run-service.js';",
      "export { x } from '../../../packages/core/src/tokens.js';",
      "const m = await import('../../../packages/core/dist/index.js');",
      "import './local.js';",
    ].join('\n');
    expect(forbiddenImports(file, text)).toEqual([
      'plugins/x/src/a.ts:4: @ferry/core/dist/runs/run-service.js',
      'plugins/x/src/a.ts:5: ../../../packages/core/src/tokens.js',
      'plugins/x/src/a.ts:6: ../../../packages/core/dist/index.js',
    ]);
    const files = pluginSourceDirs().flatMap((d) => walk(d));
    expect(files.some((f) => f.endsWith(join('command-git', 'src', 'plugin.ts')))).toBe(true);
    expect(files.some((f) => f.includes(join('transport-telegram', 'src')))).toBe(true);
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);
  });

  it('no plugin, transport or engine source reaches into @ferry/core', () => {
    const offending = pluginSourceDirs()
      .flatMap((d) => walk(d))
      .flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8')));
    expect(offending, 'import from "@ferry/core" (or "@ferry/core/testing" in tests) instead').toEqual([]);
  });
});
