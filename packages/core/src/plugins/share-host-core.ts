import { register } from 'node:module';

const REGISTERED = Symbol.for('ferry.sharedHostCore');

/**
 * Makes `@ferry/core` (and `@ferry/core/testing`) resolve to this very copy for every importer,
 * so plugins share the host's DI registry and classes (see core-resolve-hooks.ts). Process-wide
 * by nature (Node has one loader), so it is registered once per process.
 */
export function shareHostCore(): void {
  const g = globalThis as { [REGISTERED]?: true };
  if (g[REGISTERED]) return;
  g[REGISTERED] = true;
  const mapping = {
    '@ferry/core': new URL('../index.js', import.meta.url).href,
    '@ferry/core/testing': new URL('../testing.js', import.meta.url).href,
  };
  register(new URL('./core-resolve-hooks.js', import.meta.url).href, { data: { mapping } });
}
