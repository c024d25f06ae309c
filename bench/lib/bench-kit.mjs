// Shared by every bench/<name>/run.mjs: machine facts, latency statistics, temp dirs and the
// result file the runner (bench/run.mjs) reads. Plain ESM so benches need no build of their own.
import { mkdirSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_DIR = dirname(BENCH_DIR);
export const RESULTS_DIR = join(BENCH_DIR, 'results');

// statfs f_type magic numbers: a tmpfs "disk" never fsyncs, so durable figures from it are fiction.
const FS_TYPES = {
  61267: 'ext4/ext3',
  16914836: 'tmpfs',
  1481003842: 'xfs',
  2435016766: 'btrfs',
  2035054128: 'overlayfs',
};

export function machine(dir = tmpdir()) {
  let fs = 'unknown';
  try {
    const type = statfsSync(dir).type;
    fs = FS_TYPES[type] ?? `0x${type.toString(16)}`;
  } catch {
    // statfs is missing on some platforms; the figure is still useful without it
  }
  return {
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memMb: Math.round(totalmem() / 1_048_576),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    tmpdir: dir,
    tmpfs: fs,
  };
}

/** A fresh directory for one scenario; FERRY_BENCH_TMPDIR picks the disk under test. */
export function scratchDir(prefix) {
  const base = process.env.FERRY_BENCH_TMPDIR || tmpdir();
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `ferry-bench-${prefix}-`));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Nearest-rank percentile of an already sorted array. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

/** events/s and per-call latency (ms) of one measured scenario. */
export function summarise(name, { events, calls, elapsedMs, latenciesMs, transactions, note }) {
  const sorted = Float64Array.from(latenciesMs).sort();
  const round = (x, d = 3) => Number(x.toFixed(d));
  return {
    name,
    events,
    calls,
    ...(transactions === undefined
      ? {}
      : { transactions, eventsPerTransaction: round(events / transactions, 1) }),
    elapsedMs: round(elapsedMs, 1),
    eventsPerSec: Math.round((events / elapsedMs) * 1000),
    latencyMs: {
      p50: round(percentile(sorted, 50)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
    },
    ...(note ? { note } : {}),
  };
}

/**
 * Writes bench/results/<name>.json. `summary` is what the runner prints; `targets` are checked
 * there (met or missed), so a slow machine shows up without failing the run.
 */
export function writeResult(name, body) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ name, finishedAt: new Date().toISOString(), ...body }, null, 2)}\n`,
  );
  return file;
}
