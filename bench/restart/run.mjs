// Restart figures (issue #11 (1)): daemon start → READY=1, and the restart gap — SIGTERM of an
// idle daemon → the first message sent meanwhile answered by the next process — with a
// supervisor stand-in that restarts the daemon RestartSec after it exits, as systemd would.
// The chat is loopchat (test/fakes/loopchat-server.mjs): messages wait on the "platform" while
// no daemon runs, as on Telegram.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
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
const daemon = () =>
  spawn(process.execPath, [CLI, 'run'], {
    // NOTIFY_SOCKET marks it as supervised: a stop exits and the stand-in starts the next one
    env: { ...process.env, FERRY_CONFIG_PATH: config, NOTIFY_SOCKET: notifyPath },
    stdio: 'ignore',
  });
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
  const file = writeResult('restart', {
    machine: machine(dir),
    scenarios: [
      { name: 'start → READY=1', runs: STARTS, ms: start },
      { name: `restart gap (RestartSec=${RESTART_SEC})`, runs: RESTARTS, ms: gap },
    ],
    targets: [
      { what: 'start → READY=1, p99', target: '≤ 400 ms', value: start.p99, met: start.p99 <= 400 },
      {
        what: 'restart gap, p99',
        target: `≤ RestartSec + 0.5 s = ${RESTART_SEC * 1000 + 500} ms`,
        value: gap.p99,
        met: gap.p99 <= RESTART_SEC * 1000 + 500,
      },
    ],
  });
  console.log(
    `restart: start→READY p50 ${start.p50} ms p99 ${start.p99} ms; gap p50 ${gap.p50} ms p99 ${gap.p99} ms → ${file}`,
  );
} finally {
  socket.close();
  await chat.close();
  removeDir(dir);
}
