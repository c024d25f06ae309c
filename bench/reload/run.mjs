// Live config reload latency (issue #8): a real daemon (`ferry run`, console transport, demo
// engine) and 200 saves of ferry.toml, each changing a hot key. Latency = from the moment the
// file is written to the daemon's "config reloaded" log line (pino's own timestamp), so it
// includes the watcher, the settle window that folds editor bursts into one reload, parsing,
// validation and applying.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machine, REPO_DIR, removeDir, scratchDir, summarise, writeResult } from '../lib/bench-kit.mjs';

const SAVES = Math.max(10, Math.round(200 * Number(process.env.FERRY_BENCH_SCALE ?? 1)));
const CONFIG = (n) =>
  `default_engine = "demo"\n[transports.console]\n[engines.demo]\n[restart]\ndrain_timeout_s = ${n}\n`;

const dir = scratchDir('reload');
const config = join(dir, 'ferry.toml');
writeFileSync(config, CONFIG(0));
const daemon = spawn(process.execPath, [join(REPO_DIR, 'packages/core/dist/cli.js'), 'run'], {
  env: { ...process.env, FERRY_CONFIG_PATH: config },
  stdio: ['pipe', 'ignore', 'pipe'],
});
const waiters = [];
let buffer = '';
daemon.stderr.setEncoding('utf8').on('data', (chunk) => {
  buffer += chunk;
  for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
    const line = buffer.slice(0, nl);
    buffer = buffer.slice(nl + 1);
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    for (const w of waiters.splice(0)) w(entry);
  }
});
const nextLog = (msg) =>
  new Promise((resolve) => {
    const wait = (entry) => (entry.msg === msg ? resolve(entry) : waiters.push(wait));
    waiters.push(wait);
  });

try {
  await nextLog('ferry is ready');
  const latencies = [];
  const started = performance.now();
  for (let i = 1; i <= SAVES; i++) {
    const reloaded = nextLog('config reloaded');
    const savedAt = Date.now();
    writeFileSync(config, CONFIG(i));
    const entry = await reloaded;
    latencies.push(entry.time - savedAt);
  }
  const result = summarise('reload', {
    events: SAVES,
    calls: SAVES,
    elapsedMs: performance.now() - started,
    latenciesMs: latencies,
  });
  const file = writeResult('reload', {
    machine: machine(dir),
    scenarios: [result],
    targets: [
      {
        what: 'save → hot key applied, p99',
        target: '≤ 100 ms',
        value: result.latencyMs.p99,
        met: result.latencyMs.p99 <= 100,
      },
    ],
  });
  console.log(
    `reload: ${SAVES} saves, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms → ${file}`,
  );
} finally {
  daemon.kill('SIGTERM');
  await new Promise((r) => daemon.once('exit', r));
  removeDir(dir);
}
