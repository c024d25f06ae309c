// Runs every benchmark: each directory bench/<name>/ that has a run.mjs is one bench. Each runs
// in its own node process (so one bench's heap and JIT state never colour another's figures) and
// writes bench/results/<name>.json; this prints their summaries and targets at the end.
//
//   pnpm bench                      build, then run all
//   node bench/run.mjs ingress      run only the named benches (after `pnpm build`)
//
// Exit 1 when a bench crashed or wrote no result. A missed target is printed, not fatal:
// figures depend on the machine, and docs/benchmarks.md records them with the machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, REPO_DIR, RESULTS_DIR } from './lib/bench-kit.mjs';
import { updateBenchmarksDoc } from './lib/docs-report.mjs';

const wanted = process.argv.slice(2);
const benches = readdirSync(BENCH_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(BENCH_DIR, d.name, 'run.mjs')))
  .map((d) => d.name)
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

const unknown = wanted.filter((name) => !benches.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`error: no bench named ${unknown.join(', ')} (a bench is bench/<name>/run.mjs)\n`);
  process.exit(2);
}

const outcomes = [];
for (const name of benches) {
  const resultFile = join(RESULTS_DIR, `${name}.json`);
  rmSync(resultFile, { force: true }); // a stale file must not pass for this run's figures
  process.stderr.write(`\n▶ ${name}\n`);
  const started = Date.now();
  const child = spawnSync(process.execPath, [join(BENCH_DIR, name, 'run.mjs')], {
    cwd: REPO_DIR,
    stdio: 'inherit',
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (child.status !== 0 || !existsSync(resultFile)) {
    const why = child.status !== 0 ? `exited ${child.status ?? child.signal}` : `wrote no ${resultFile}`;
    outcomes.push({ name, ok: false, lines: [`FAILED: ${why}`], seconds });
    continue;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  const lines = [...(result.summary ?? [])];
  for (const t of result.targets ?? [])
    lines.push(
      `${t.met ? '✓' : '✗ MISSED'} ${t.name ?? t.what}: ${t.actual ?? t.value} (target ${t.target})`,
    );
  outcomes.push({ name, ok: true, lines, seconds, machine: result.machine });
}

const machine = outcomes.find((o) => o.machine)?.machine;
process.stdout.write('\n== benchmark summary ==\n');
if (machine) {
  process.stdout.write(
    `machine: ${machine.nproc} cpu (${machine.cpu}), node ${machine.node}, temp fs ${machine.tmpfs}\n`,
  );
}
for (const o of outcomes) {
  process.stdout.write(`\n${o.name} (${o.seconds} s)\n`);
  for (const line of o.lines) process.stdout.write(`  ${line}\n`);
}
process.stdout.write(`\nresults: ${RESULTS_DIR}/<name>.json\n`);
process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;

// the generated part of docs/benchmarks.md (table, chaos run, plots) follows the results on disk
try {
  const doc = await updateBenchmarksDoc({ repoDir: REPO_DIR, resultsDir: RESULTS_DIR });
  process.stdout.write(`docs: ${doc} (table and plots in docs/img/)\n`);
} catch (err) {
  process.stderr.write(`error: could not write docs/benchmarks.md: ${err.stack ?? err}\n`);
  process.exitCode = 1;
}
