// Restart figures (issue #11 (1)): daemon start → READY=1, and the restart gap — SIGTERM of an
// idle daemon → the first message sent meanwhile answered by the next process — with a
// supervisor stand-in that restarts the daemon RestartSec after it exits, as systemd would.
// The chat is loopchat (test/fakes/loopchat-server.mjs): messages wait on the "platform" while
// no daemon runs, as on Telegram.
import { spawn, spawnSync } from 'node:child_process';
import { openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { machine, percentile, REPO_DIR, removeDir, scratchDir, writeResult } from '../lib/bench-kit.mjs';

const { LoopchatServer } = await import(join(REPO_DIR, 'test/fakes/loopchat-server.mjs'));
const dgram = createRequire(join(REPO_DIR, 'packages/core/package.json'))('unix-dgram');

const STARTS = Math.max(3, Math.round(20 * Number(process.env.FERRY_BENCH_SCALE ?? 1)));
const RESTARTS = Math.max(2, Math.round(10 * Number(process.env.FERRY_BENCH_SCALE ?? 1)));
const RESTART_SEC = 2;
const CLI = join(REPO_DIR, 'packages/core/dist/cli.js');

const dir = scratchDir('restart');
const chat = await new LoopchatServer().start();
const config = join(dir, 'ferry.toml');
writeFileSync(
  config,
  `default_engine = "demo"\n[transports.loopchat]\nurl = "${chat.url}"\n[engines.demo]\ndelay_ms = 1\n[plugins]\npaths = ["${join(REPO_DIR, 'test/fixtures/plugins/transport-loopchat')}"]\n`,
);
const notifyPath = join(dir, 'notify.sock');
const readyWaiters = [];
const socket = dgram.createSocket('unix_dgram', (msg) => {
  if (msg.toString().split('\n').includes('READY=1'))
    for (const w of readyWaiters.splice(0)) w(performance.now());
});
socket.bind(notifyPath);
const nextReady = () => new Promise((resolve) => readyWaiters.push(resolve));
const daemon = (extraEnv = []) =>
  spawn(process.execPath, [CLI, 'run'], {
    // NOTIFY_SOCKET marks it as supervised: a stop exits and the stand-in starts the next one
    env: {
      ...process.env,
      FERRY_CONFIG_PATH: config,
      NOTIFY_SOCKET: notifyPath,
      ...Object.fromEntries(extraEnv.map((kv) => kv.split('='))),
    },
    stdio: ['ignore', 'ignore', process.env.BENCH_DEBUG ? openSync(join(dir, 'daemon.log'), 'a') : 'ignore'],
  });
/** The run's progress message (a "queued" notice may come first). */
const progressOf = (msg) =>
  chat.repliesTo(msg.id).find((m) => [m.text, ...m.edits].some((t) => t.startsWith('⚙️ working')));
/** The step lines of a progress message (everything under its head line). */
const actionLines = (msg) => (msg ? (msg.edits?.at(-1) ?? msg.text).split('\n').slice(1) : []);
const statusRuns = () => {
  const r = spawnSync(process.execPath, [CLI, 'status', '--json'], {
    env: { ...process.env, FERRY_CONFIG_PATH: config },
    encoding: 'utf8',
  });
  return r.status === 0 ? JSON.parse(r.stdout).runs : [];
};
const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
const killRunGroup = (runDir) => {
  try {
    process.kill(-Number(readFileSync(join(runDir, 'engine.pid'), 'utf8')), 'SIGKILL');
  } catch {
    // already gone
  }
};
const exited = (p) => new Promise((resolve) => p.once('exit', resolve));
const answered = (msg) =>
  chat.waitFor(() => chat.repliesTo(msg.id).some((m) => m.text.includes('— demo')), 60_000, 'answer');

try {
  // (a) start → READY=1
  const startMs = [];
  for (let i = 0; i < STARTS; i++) {
    const t0 = performance.now();
    const p = daemon();
    startMs.push((await nextReady()) - t0);
    p.kill('SIGTERM');
    await exited(p);
  }

  // (b) restart gap with a supervisor stand-in
  const gapMs = [];
  let p = daemon();
  await nextReady();
  for (let i = 0; i < RESTARTS; i++) {
    await answered(chat.say('c1', `warm ${i}`));
    const t0 = performance.now();
    p.kill('SIGTERM');
    const during = chat.say('c1', `sent during restart ${i}`);
    await exited(p);
    await new Promise((r) => setTimeout(r, RESTART_SEC * 1000));
    p = daemon();
    await answered(during);
    gapMs.push(performance.now() - t0);
  }
  p.kill('SIGTERM');
  await exited(p);

  // (c) live restore: SIGTERM with a run in flight → the run's next event shown by the new daemon
  const liveGapMs = [];
  p = daemon(['FERRY__ENGINES__DEMO__DELAY_MS=2500']);
  await nextReady();
  for (let i = 0; i < RESTARTS; i++) {
    const msg = chat.say('c2', `live ${i}`);
    await chat.waitFor(() => actionLines(progressOf(msg)).length > 0, 30_000, 'first step');
    const t0 = performance.now();
    p.kill('SIGTERM');
    await exited(p);
    // what the chat shows once the old daemon is gone: only the new daemon's edits count
    const before = actionLines(progressOf(msg)).join('\n');
    const seen = progressOf(msg).edits.length;
    await new Promise((r) => setTimeout(r, RESTART_SEC * 1000));
    p = daemon(['FERRY__ENGINES__DEMO__DELAY_MS=2500']);
    // the next thing the run shows: a step the chat had not seen, or (when the run ended
    // meanwhile and its steps were never drawn) its answer
    await chat.waitFor(
      () =>
        progressOf(msg)
          .edits.slice(seen)
          .some((t) => {
            const lines = actionLines({ text: t, edits: [] });
            return lines.length > 0 && lines.join('\n') !== before;
          }) || chat.repliesTo(msg.id).some((m) => m.text.includes('— demo')),
      30_000,
      'the next step after the restart',
    );
    liveGapMs.push(performance.now() - t0);
    await answered(msg);
  }

  // (d) what a shim costs: RSS of each run's shim with 20 runs in flight
  const shimKb = [];
  const sleepers = Array.from({ length: 20 }, (_, i) => chat.say(`s${i}`, 'sleep 20'));
  await chat.waitFor(() => sleepers.every((m) => chat.repliesTo(m.id).length > 0), 30_000, 'runs started');
  await new Promise((r) => setTimeout(r, 1000));
  for (const run of statusRuns()) if (run.detached?.shim_pid) shimKb.push(rssKb(run.detached.shim_pid));
  p.kill('SIGKILL');
  await exited(p);
  for (const run of readdirSync(join(dir, 'state', 'runs'))) killRunGroup(join(dir, 'state', 'runs', run));

  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    return {
      p50: Math.round(percentile(s, 50)),
      p99: Math.round(percentile(s, 99)),
      max: Math.round(s.at(-1)),
    };
  };
  const start = stats(startMs);
  const gap = stats(gapMs);
  const liveGap = stats(liveGapMs);
  const file = writeResult('restart', {
    machine: machine(dir),
    scenarios: [
      { name: 'start → READY=1', runs: STARTS, ms: start },
      { name: `restart gap (RestartSec=${RESTART_SEC})`, runs: RESTARTS, ms: gap },
      {
        name: `live restore: run in flight, SIGTERM → its next step shown (RestartSec=${RESTART_SEC})`,
        runs: RESTARTS,
        ms: liveGap,
      },
    ],
    shim: {
      runs: shimKb.length,
      rss_kb: {
        mean: Math.round(shimKb.reduce((a, b) => a + b, 0) / Math.max(1, shimKb.length)),
        max: Math.max(0, ...shimKb),
      },
    },
    targets: [
      { what: 'start → READY=1, p99', target: '≤ 400 ms', value: start.p99, met: start.p99 <= 400 },
      {
        what: 'restart gap, p99',
        target: `≤ RestartSec + 0.5 s = ${RESTART_SEC * 1000 + 500} ms`,
        value: gap.p99,
        met: gap.p99 <= RESTART_SEC * 1000 + 500,
      },
      {
        what: 'live restore gap with a run in flight, p99',
        target: `< RestartSec + 1 s = ${RESTART_SEC * 1000 + 1000} ms`,
        value: liveGap.p99,
        met: liveGap.p99 < RESTART_SEC * 1000 + 1000,
      },
      {
        what: 'shim RSS per run, max',
        target: '≤ 4096 KB (a few MB)',
        value: Math.max(0, ...shimKb),
        met: shimKb.length > 0 && Math.max(...shimKb) <= 4096,
      },
    ],
  });
  console.log(
    `restart: start→READY p50 ${start.p50} ms p99 ${start.p99} ms; gap p50 ${gap.p50} ms p99 ${gap.p99} ms; ` +
      `live gap p50 ${liveGap.p50} ms p99 ${liveGap.p99} ms; shim RSS max ${Math.max(0, ...shimKb)} KB (${shimKb.length} shims) → ${file}`,
  );
} finally {
  socket.close();
  await chat.close();
  if (process.env.BENCH_DEBUG) console.log(`kept ${dir}`);
  else removeDir(dir);
}
