// `pnpm chaos [--seed N] [--size full|short]` (or CHAOS_SEED / CHAOS_SIZE): one chaos run of the
// built daemon, its report on stdout, the figures in bench/results/chaos-<size>.json (for
// docs/benchmarks.md and the restart timeline plot). Exit 1 on any violation.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHAOS_SIZES } from './chaos-plan.js';
import { formatReport } from './chaos-report.js';
import { parseSeed } from './prng.js';
import { runChaos } from './run-chaos.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizeName = flag('size') ?? process.env.CHAOS_SIZE ?? 'full';
if (!(sizeName in CHAOS_SIZES)) {
  process.stderr.write(`error: --size must be one of ${Object.keys(CHAOS_SIZES).join(', ')}\n`);
  process.exit(2);
}
const seed = parseSeed(flag('seed') ?? process.env.CHAOS_SEED);
const size = CHAOS_SIZES[sizeName as keyof typeof CHAOS_SIZES];
process.stdout.write(`chaos: seed ${seed} (replay with --seed ${seed} --size ${sizeName})\n`);
const report = await runChaos({
  seed,
  size,
  sizeName,
  log: (line) => process.stdout.write(`${line}\n`),
}).catch((err: Error) => {
  process.stderr.write(`error: ${err.message}\n`);
  process.exit(1);
});
process.stdout.write(`\n${formatReport(report)}\n`);
const results = join(resolve(fileURLToPath(import.meta.url), '../../..'), 'bench/results');
mkdirSync(results, { recursive: true });
const file = join(results, `chaos-${sizeName}.json`);
writeFileSync(file, `${JSON.stringify({ finishedAt: new Date().toISOString(), ...report }, null, 2)}\n`);
process.stdout.write(`report: ${file}\n`);
process.exitCode = report.violations.length === 0 ? 0 : 1;
