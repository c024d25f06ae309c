import type { Outcomes } from './chaos-outcomes.js';
import type { ChaosPlan } from './chaos-plan.js';
import type { SentMessage } from './chaos-world.js';
import type { LifeEvent } from './daemon-supervisor.js';
import type { JournalReport } from './journal-check.js';
import type { FaultRecord } from './run-chaos.js';

export interface ChaosReport {
  readonly seed: number;
  readonly size: string;
  readonly messages: number;
  readonly chats: { readonly telegram: number; readonly slack: number };
  readonly faults: Record<string, number>;
  readonly hooks: Record<string, number>;
  readonly outcomes: {
    readonly answered: number;
    readonly told: Record<string, number>;
    readonly resentMarked: number;
    readonly lost: number;
    readonly doubled: number;
  };
  readonly daemon: {
    readonly processes: number;
    readonly inProcessRestarts: number;
    readonly rejectedEdits: number;
  };
  readonly journal: { readonly entries: number; readonly byState: Record<string, number> };
  readonly orphans: number;
  readonly network: Record<string, Record<string, number>>;
  /** Send → first final, ms. */
  readonly latencyMs: {
    readonly p50: number;
    readonly p90: number;
    readonly p99: number;
    readonly max: number;
  };
  /** Every message's send → settled time, ms, sorted (for the latency plot). */
  readonly latencies: number[];
  readonly wallMs: number;
  readonly violations: string[];
  readonly unclassified: string[];
  /** For the restart timeline plot: ms after the chaos phase started. */
  readonly timeline: {
    readonly events: { t: number; pid: number; kind: string; detail?: string }[];
    readonly faults: { t: number; end: number; kind: string; what: string }[];
    readonly settled: number[];
  };
  readonly keptDir?: string;
}

export interface ReportInput {
  readonly plan: ChaosPlan;
  readonly sizeName: string;
  readonly sent: readonly SentMessage[];
  readonly outcomes: Outcomes;
  readonly journal: JournalReport;
  readonly faults: readonly FaultRecord[];
  readonly events: readonly LifeEvent[];
  readonly orphans: number;
  readonly violations: string[];
  readonly wallMs: number;
  readonly t0: number;
  readonly dir: string | undefined;
  readonly proxies: Record<string, Record<string, number>>;
}

function count<T>(xs: readonly T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

export function buildReport(i: ReportInput): ChaosReport {
  const o = i.outcomes.messages;
  const told = count(
    o.filter((m) => m.verdict === 'told'),
    (m) => m.finals.find((k) => k !== 'answer' && k !== 'resent') ?? 'notice',
  );
  const settled = i.outcomes.messages
    .map((m) => m.settledAt)
    .filter((t): t is number => t !== undefined)
    .map((t) => t - i.t0);
  const lat = o
    .filter((m) => m.settledAt !== undefined)
    .map((m) => m.settledAt! - m.message.sentAt)
    .sort((a, b) => a - b);
  const pct = (p: number) =>
    lat[Math.min(lat.length - 1, Math.max(0, Math.ceil((p / 100) * lat.length) - 1))] ?? 0;
  return {
    seed: i.plan.seed,
    size: i.sizeName,
    messages: i.sent.length,
    chats: {
      telegram: i.plan.chats.filter((c) => c.platform === 'telegram').length,
      slack: i.plan.chats.filter((c) => c.platform === 'slack').length,
    },
    faults: count(i.faults, (f) => f.fault.kind),
    hooks: count(i.sent, (m) => m.plan.hook),
    outcomes: {
      answered: o.filter((m) => m.verdict === 'answered').length,
      told,
      resentMarked: o.reduce((n, m) => n + m.resent, 0),
      lost: o.filter((m) => m.verdict === 'lost').length,
      doubled: o.filter((m) => m.verdict === 'doubled').length + i.outcomes.sessionProblems.length,
    },
    daemon: {
      processes: i.events.filter((e) => e.kind === 'spawn').length,
      inProcessRestarts: i.events.filter((e) => e.kind === 'rebuild').length,
      rejectedEdits: i.events.filter((e) => e.kind === 'rejected').length,
    },
    journal: { entries: i.journal.entries, byState: i.journal.byState },
    orphans: i.orphans,
    network: i.proxies,
    latencyMs: { p50: pct(50), p90: pct(90), p99: pct(99), max: lat.at(-1) ?? 0 },
    latencies: lat,
    wallMs: i.wallMs,
    violations: i.violations,
    unclassified: i.outcomes.unclassified,
    timeline: {
      events: i.events.map((e) => ({
        t: e.at - i.t0,
        pid: e.pid,
        kind: e.kind,
        ...(e.detail ? { detail: e.detail } : {}),
      })),
      faults: i.faults.map((f) => ({
        t: f.startedAt - i.t0,
        end: f.endedAt - i.t0,
        kind: f.fault.kind,
        what: f.what,
      })),
      settled: settled.sort((a, b) => a - b),
    },
    ...(i.dir ? { keptDir: i.dir } : {}),
  };
}

const kv = (r: Record<string, number>) =>
  Object.entries(r)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';

/** The human summary the CLI prints and the test attaches to a failure. */
export function formatReport(r: ChaosReport): string {
  const faults = Object.values(r.faults).reduce((a, b) => a + b, 0);
  const told = Object.values(r.outcomes.told).reduce((a, b) => a + b, 0);
  const lines = [
    `chaos ${r.size}: seed ${r.seed} — ${r.messages} messages in ${r.chats.telegram + r.chats.slack} chats (${r.chats.telegram} Telegram, ${r.chats.slack} Slack), ${faults} faults, ${(r.wallMs / 1000).toFixed(0)} s`,
    `  faults: ${kv(r.faults)}`,
    `  prompts: ${kv(r.hooks)}`,
    `  daemon: ${r.daemon.processes} processes, ${r.daemon.inProcessRestarts} in-process restarts, ${r.daemon.rejectedEdits} rejected edits`,
    `  network: telegram ${kv(r.network.telegram ?? {})}; slack ${kv(r.network.slack ?? {})}`,
    `  outcome: answered ${r.outcomes.answered}, told why ${told} (${kv(r.outcomes.told)}), marked re-sends ${r.outcomes.resentMarked}, LOST ${r.outcomes.lost}, DOUBLED ${r.outcomes.doubled}`,
    `  journal: ${r.journal.entries} entries (${kv(r.journal.byState)}); orphans at the end: ${r.orphans}`,
    `  send → settled: p50 ${r.latencyMs.p50} ms, p90 ${r.latencyMs.p90} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms`,
  ];
  if (r.unclassified.length > 0)
    lines.push(
      `  unclassified bot texts (${r.unclassified.length}):`,
      ...r.unclassified.slice(0, 10).map((t) => `    ${t}`),
    );
  lines.push(r.violations.length === 0 ? '  violations: none' : `  VIOLATIONS (${r.violations.length}):`);
  lines.push(...r.violations.slice(0, 50).map((v) => `    - ${v.replace(/\n/g, '\n      ')}`));
  if (r.keptDir) lines.push(`  instance dir kept for inspection: ${r.keptDir}`);
  return lines.join('\n');
}
