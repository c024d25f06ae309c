import type { LoadedConfig } from '../config/loaded-config.js';
import { collectSecrets } from '../host/collect-secrets.js';

/**
 * The secret values of every config this process has loaded, for the logger to scrub. Old
 * ones are kept: after a token is rotated, a late error may still quote the previous one.
 */
export function configSecrets(current: () => LoadedConfig): () => readonly string[] {
  let seen: LoadedConfig | undefined;
  const all = new Set<string>();
  let list: readonly string[] = [];
  return () => {
    const loaded = current();
    if (loaded !== seen) {
      seen = loaded;
      for (const s of collectSecrets(loaded.raw)) all.add(s);
      // longest first: a secret that contains another is replaced whole
      list = [...all].sort((a, b) => b.length - a.length);
    }
    return list;
  };
}
