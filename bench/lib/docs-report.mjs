// Writes the generated part of docs/benchmarks.md — the machine, one table row per target of
// every bench result, the last full chaos run, and the plots — between two marker comments,
// so the prose around it stays as written. Called by bench/run.mjs after the benches ran.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { latencyDistributions, restartTimeline } from './plots.mjs';

export const BEGIN =
  '<!-- bench:generated:begin (written by `pnpm bench`: bench/lib/docs-report.mjs; edits inside are overwritten) -->';
export const END = '<!-- bench:generated:end -->';

const fmt = (v) =>
  typeof v === 'number' ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : String(v);
const day = (iso) => (iso ? iso.replace('T', ' ').slice(0, 16) : '?');

/** A target's figure is a same-run ratio when its value or target is "N×"; else an absolute on this machine. */
function kindOf(t) {
  return /x$/.test(String(t.actual ?? t.value)) || /\dx\b/.test(String(t.target))
    ? 'ratio, same-run baseline'
    : 'absolute, this machine';
}

function readResults(resultsDir) {
  if (!existsSync(resultsDir)) return [];
  return readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')));
}

function targetsTable(benches) {
  const rows = [
    '| bench | figure | value | kind | target | met? | run at (UTC) |',
    '| --- | --- | ---: | --- | --- | --- | --- |',
  ];
  for (const r of benches) {
    for (const t of r.targets ?? []) {
      const value = t.actual ?? t.value;
      rows.push(
        `| ${r.name} | ${t.name ?? t.what} | ${fmt(value)} | ${kindOf(t)} | ${t.target} | ${t.met ? '✓ met' : '✗ missed'} | ${day(r.finishedAt)} |`,
      );
    }
  }
  return rows.join('\n');
}

function chaosSection(c) {
  if (!c) return '_No full chaos run recorded yet: `pnpm chaos` writes bench/results/chaos-full.json._';
  const faults = Object.entries(c.faults)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const told =
    Object.entries(c.outcomes.told)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  const total = Object.values(c.faults).reduce((a, b) => a + b, 0);
  return [
    `| seed | messages | chats | faults | answered | told why | marked re-sends | lost | doubled | violations | run at (UTC) |`,
    `| ---: | ---: | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |`,
    `| ${c.seed} | ${c.messages} | ${c.chats.telegram} Telegram + ${c.chats.slack} Slack | ${total} | ${c.outcomes.answered} | ${told} | ${c.outcomes.resentMarked} | **${c.outcomes.lost}** | **${c.outcomes.doubled}** | ${c.violations.length} | ${day(c.finishedAt)} |`,
    '',
    `Faults by kind: ${faults}. Daemon: ${c.daemon.processes} processes, ${c.daemon.inProcessRestarts} in-process restarts, ${c.daemon.rejectedEdits} rejected config edits; ${c.orphans} orphan processes at the end; journal ${c.journal.entries} entries (${Object.entries(
      c.journal.byState,
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(
        ', ',
      )}). Send → settled: p50 ${fmt(c.latencyMs.p50)} ms, p99 ${fmt(c.latencyMs.p99)} ms (absolute, this machine, faults included). Wall time ${Math.round(c.wallMs / 1000)} s.`,
    ...(c.violations.length ? ['', 'Violations:', ...c.violations.map((v) => `- ${v.split('\n')[0]}`)] : []),
  ].join('\n');
}

export async function updateBenchmarksDoc({ repoDir, resultsDir }) {
  const docPath = join(repoDir, 'docs/benchmarks.md');
  const imgDir = join(repoDir, 'docs/img');
  const all = readResults(resultsDir);
  const benches = all.filter((r) => r.name && r.targets).sort((a, b) => a.name.localeCompare(b.name));
  const chaos = all.find((r) => r.size === 'full' && r.timeline);
  const m = benches.find((r) => r.machine)?.machine;
  const plots = [];
  if (chaos)
    plots.push([
      'Restart timeline of the full chaos run',
      await restartTimeline(chaos, join(imgDir, 'restart-timeline.svg')),
    ]);
  const throughput = benches.find((r) => r.name === 'throughput');
  const series = [
    ...(throughput?.scenarios ?? []).map((s) => ({
      name: s.messagesPerSec ? `throughput: ${s.name}, burst of ${s.messages}` : `throughput: ${s.name}`,
      latencies: s.latencies ?? [],
    })),
    ...(chaos?.latencies
      ? [{ name: `chaos (full, seed ${chaos.seed}): send → settled`, latencies: chaos.latencies }]
      : []),
  ];
  if (series.length)
    plots.push(['Latency distributions', await latencyDistributions(series, join(imgDir, 'latency.svg'))]);
  const body = [
    BEGIN,
    '',
    m
      ? `Machine: ${m.nproc} vCPU (${m.cpu}), ${(m.memMb / 1024).toFixed(1)} GB RAM, Node ${m.node}, ${m.platform}, scratch on ${m.tmpfs}. Table written ${day(new Date().toISOString())} UTC; each row says when its bench ran. A figure is either a ratio against a baseline measured in the same run, or an absolute time or rate on this machine (shared with other engineers' builds and tests, so absolutes are upper bounds on latency and lower bounds on rate).`
      : '_No bench results yet._',
    '',
    targetsTable(benches),
    '',
    ...benches.flatMap((r) => (r.summary?.length ? [`- **${r.name}**: ${r.summary.join('; ')}`] : [])),
    '',
    '#### Last full chaos run (`pnpm chaos`)',
    '',
    chaosSection(chaos),
    '',
    ...plots.flatMap(([title, file]) => [`![${title}](${relative(join(repoDir, 'docs'), file)})`, '']),
    END,
  ].join('\n');
  const doc = readFileSync(docPath, 'utf8');
  const start = doc.indexOf(BEGIN.slice(0, 30));
  const stop = doc.indexOf(END);
  const next =
    start >= 0 && stop > start
      ? `${doc.slice(0, start)}${body}${doc.slice(stop + END.length)}`
      : `${doc.trimEnd()}\n\n## Last run\n\n${body}\n`;
  writeFileSync(docPath, next);
  return docPath;
}
