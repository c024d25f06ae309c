import { readFileSync } from 'node:fs';

export interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
}

/** The page is two files shipped in the package's `public/`; no build step, no bundler. */
const FILES: Readonly<Record<string, string>> = {
  '/': 'index.html',
  '/index.html': 'index.html',
  '/webchat.js': 'webchat.js',
  '/webchat.css': 'webchat.css',
};

const TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
};

/** Read once at start: a package upgraded under a running daemon keeps serving what it started with. */
export function loadStaticFiles(): ReadonlyMap<string, StaticFile> {
  // resolved from this module: dist/ in a package, src/ under vitest; public/ is beside both
  const dir = new URL('../public/', import.meta.url);
  const files = new Map<string, StaticFile>();
  for (const [path, name] of Object.entries(FILES)) {
    const ext = name.slice(name.lastIndexOf('.') + 1);
    files.set(path, { body: readFileSync(new URL(name, dir)), type: TYPES[ext]! });
  }
  return files;
}
