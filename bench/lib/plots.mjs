// SVG plots for docs/benchmarks.md, rendered headless by vega + vega-lite (no canvas: the SVG
// renderer estimates text widths). Each plot is a function of bench/results/*.json only, so
// `node bench/run.mjs` redraws them from whatever results are present.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import * as vl from 'vega-lite';

const FONT = { font: 'DejaVu Sans, Helvetica, Arial, sans-serif' };

async function render(spec, file) {
  const compiled = vl.compile({
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { ...FONT, view: { stroke: null } },
    ...spec,
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, svg);
  return file;
}

/**
 * The chaos run's restart timeline: one lane per daemon process (starting → ready → gone, and
 * in-process restarts), the faults as ticks, and answers per second underneath on the same
 * time axis — so each restart's gap shows as a dip in the answers.
 */
export function restartTimeline(chaos, file) {
  const { events, faults, settled } = chaos.timeline;
  const pids = [...new Set(events.map((e) => e.pid))];
  const lane = (pid) => `process ${pids.indexOf(pid) + 1}`;
  // the plot ends shortly after the last answer, not at the final stop (a slow tail would squash it)
  const end = Math.max(...faults.map((f) => f.end), ...settled, 0) + 5000;
  const spans = [];
  for (const pid of pids) {
    if (events.find((e) => e.pid === pid).t > end) continue;
    const own = events.filter((e) => e.pid === pid).sort((a, b) => a.t - b.t);
    let from = own[0].t;
    let phase = 'starting';
    for (const e of own.slice(1)) {
      if (e.kind === 'ready' || e.kind === 'rebuild' || e.kind === 'exit') {
        spans.push({ lane: lane(pid), from: from / 1000, to: Math.min(e.t, end) / 1000, phase });
        from = e.t;
        phase = e.kind === 'ready' ? 'running' : e.kind === 'rebuild' ? 'restarting in-process' : 'gone';
        if (e.kind === 'exit') break;
      }
    }
    if (phase !== 'gone') spans.push({ lane: lane(pid), from: from / 1000, to: end / 1000, phase });
  }
  const rebuilds = events
    .filter((e) => e.kind === 'rebuild')
    .map((e) => ({ lane: lane(e.pid), from: e.t / 1000 }));
  const perSecond = new Map();
  for (const t of settled)
    perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
  const rate = [...Array(Math.ceil(end / 1000) + 1).keys()].map((s) => ({ s, n: perSecond.get(s) ?? 0 }));
  const x = {
    field: 'from',
    type: 'quantitative',
    title: 'seconds since the chaos phase began',
    scale: { domain: [Math.min(0, ...spans.map((s) => s.from)), end / 1000] },
  };
  return render(
    {
      title: { text: `Chaos run (seed ${chaos.seed}): daemon processes, faults, answers`, anchor: 'start' },
      vconcat: [
        {
          width: 820,
          height: Math.max(120, pids.length * 18),
          layer: [
            {
              data: { values: spans.filter((s) => s.phase !== 'gone') },
              mark: { type: 'bar', height: 12 },
              encoding: {
                y: { field: 'lane', type: 'ordinal', sort: pids.map(lane), title: null },
                x,
                x2: { field: 'to' },
                color: {
                  field: 'phase',
                  type: 'nominal',
                  scale: {
                    domain: ['starting', 'running', 'restarting in-process'],
                    range: ['#f2b134', '#4c9f70', '#c2185b'],
                  },
                  title: 'daemon',
                  legend: { labelLimit: 300 },
                },
              },
            },
            {
              data: { values: rebuilds },
              mark: { type: 'point', shape: 'diamond', size: 90, filled: true, color: '#c2185b' },
              encoding: { y: { field: 'lane', type: 'ordinal', sort: pids.map(lane) }, x },
            },
          ],
        },
        {
          width: 820,
          height: 14 * new Set(faults.map((f) => f.kind)).size,
          data: { values: faults.map((f) => ({ from: f.t / 1000, kind: f.kind })) },
          mark: { type: 'tick', thickness: 3 },
          encoding: {
            x: { ...x, title: null },
            y: { field: 'kind', type: 'nominal', title: 'faults' },
            color: { field: 'kind', type: 'nominal', legend: null, scale: { scheme: 'category20' } },
          },
        },
        {
          width: 820,
          height: 140,
          data: { values: rate.map((r) => ({ from: r.s, n: r.n })) },
          mark: { type: 'area', line: true, opacity: 0.5, interpolate: 'step-after' },
          encoding: { x, y: { field: 'n', type: 'quantitative', title: 'messages settled per second' } },
        },
      ],
      resolve: { scale: { color: 'independent' } },
    },
    file,
  );
}

/** Latency distributions as quantile curves (log scale): where the tail starts, per scenario. */
export function latencyDistributions(series, file) {
  const values = [];
  for (const { name, latencies } of series) {
    const sorted = [...latencies].sort((a, b) => a - b);
    if (sorted.length === 0) continue;
    for (let p = 0; p <= 100; p += 1) {
      const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
      values.push({ series: name, p, ms: Math.max(1, sorted[i]) });
    }
  }
  return render(
    {
      title: { text: 'Send → answer latency by percentile (this machine)', anchor: 'start' },
      width: 720,
      height: 360,
      data: { values },
      mark: { type: 'line', point: { size: 12 } },
      encoding: {
        x: { field: 'p', type: 'quantitative', title: 'percentile', scale: { domain: [0, 100] } },
        y: { field: 'ms', type: 'quantitative', title: 'ms (log scale)', scale: { type: 'log' } },
        color: {
          field: 'series',
          type: 'nominal',
          title: null,
          legend: { orient: 'bottom', columns: 2, labelLimit: 400 },
        },
      },
    },
    file,
  );
}
