import type { ConfigChangeVerdict } from '../api/lifecycle.js';

export type KeyOwner =
  | { readonly kind: 'core'; readonly verdict: ConfigChangeVerdict }
  | { readonly kind: 'engine' | 'transport' | 'plugin'; readonly id: string; readonly inside: boolean };

/**
 * Core keys the services read on every use (`config().restart…`, `config().projects…`), so a
 * new value applies by itself. Everything that shaped the wiring — which plugins exist, where
 * they come from, which transports run — needs a new generation.
 */
const HOT_CORE = [
  'default_engine',
  'default_cwd',
  'log_level',
  'restart',
  'ingress',
  'projects',
  'triggers',
  'approvals',
];

/** Who owns a changed dotted key, and for core keys whether it applies live. */
export function classifyConfigKey(key: string): KeyOwner {
  const [head = '', id, ...rest] = key.split('.');
  if (head === 'engines' && id) return { kind: 'engine', id, inside: rest.length > 0 };
  if (head === 'transports' && id) return { kind: 'transport', id, inside: rest.length > 0 };
  if (head === 'plugins' && id && id !== 'enabled' && id !== 'paths')
    return { kind: 'plugin', id, inside: rest.length > 0 };
  const top = head.replace(/\[\d+\]$/, '');
  return { kind: 'core', verdict: HOT_CORE.includes(top) ? 'hot' : 'restart' };
}
