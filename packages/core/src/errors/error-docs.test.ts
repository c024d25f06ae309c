import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/*
 * docs/errors.md and the source stay in step, both ways (STYLE rule 5, like Fastify's
 * test/internals/errors.test.js): every `readonly code = 'FERRY_…'` in a package's or plugin's
 * source has a `## FERRY_…` section, and every section names a code that still exists.
 */

// packages/core/src/errors/ → the repository root
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const DOC = join(ROOT, 'docs', 'errors.md');
const CODE_DECLARATION = /readonly\s+code(?:\s*:[^=;]+)?\s*=\s*['"](FERRY_[A-Z0-9_]+)['"]/g;
const CODE_HEADING = /^##\s+(FERRY_[A-Z0-9_]+)\s*$/gm;

/** Source files of every package and plugin: `<group>/*\/src/**\/*.ts`, without tests and fixtures. */
function sourceFiles(): string[] {
  const files: string[] = [];
  for (const group of ['packages', 'plugins']) {
    for (const pkg of listDirs(join(ROOT, group))) walk(join(ROOT, group, pkg, 'src'), files);
  }
  return files.sort();
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSafe(dir)) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__fixtures__' && entry.name !== 'node_modules') walk(path, out);
    } else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      out.push(path);
    }
  }
}

function listDirs(dir: string): string[] {
  return readdirSafe(dir)
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

function readdirSafe(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return []; // a package without src/ has no codes
  }
}

/** code → the files declaring it. */
function codesInSource(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const file of sourceFiles()) {
    for (const match of readFileSync(file, 'utf8').matchAll(CODE_DECLARATION)) {
      const code = match[1]!;
      codes.set(code, [...(codes.get(code) ?? []), relative(ROOT, file)]);
    }
  }
  return codes;
}

function headingsInDoc(): string[] {
  return [...readFileSync(DOC, 'utf8').matchAll(CODE_HEADING)].map((m) => m[1]!);
}

describe('docs/errors.md', () => {
  const source = codesInSource();
  const documented = headingsInDoc();

  it('finds the codes it compares (guards against a wrong root or pattern)', () => {
    expect(source.size).toBeGreaterThan(10);
    expect(source.has('FERRY_CONFIG_INVALID')).toBe(true);
    expect(documented.length).toBeGreaterThan(10);
  });

  it('documents every error code declared in the source', () => {
    const missing = [...source.keys()]
      .filter((code) => !documented.includes(code))
      .sort()
      .map((code) => `${code} (${source.get(code)!.join(', ')})`);
    expect(missing, 'codes declared in the source without a "## CODE" section in docs/errors.md').toEqual([]);
  });

  it('documents no code that the source no longer declares', () => {
    const stale = documented.filter((code) => !source.has(code)).sort();
    expect(stale, 'sections of docs/errors.md whose code no source file declares').toEqual([]);
  });

  it('documents each code once', () => {
    const twice = documented.filter((code, i) => documented.indexOf(code) !== i);
    expect(twice, 'codes with more than one section in docs/errors.md').toEqual([]);
  });
});
