import { Prng } from '../chaos/prng.js';
import type { ConfigCase } from './base-config.js';
import { SCHEMA_MUTATIONS } from './schema-mutations.js';
import { SYNTAX_MUTATIONS } from './syntax-mutations.js';

export { BASE_CONFIG, type ConfigCase } from './base-config.js';

/** `perKind` seeded variants of every kind of damage, syntax first. */
export function configCases(seed: number, perKind: number): ConfigCase[] {
  const rng = new Prng(seed);
  return Object.entries({ ...SYNTAX_MUTATIONS, ...SCHEMA_MUTATIONS }).flatMap(([kind, gen]) =>
    Array.from({ length: perKind }, (_, i) => ({ name: `${kind} #${i + 1}`, ...gen(rng) })),
  );
}
