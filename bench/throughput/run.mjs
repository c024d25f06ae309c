// End-to-end throughput (issue #11 (3a)): messages/s through the real daemon's Telegram transport
// against the loopback Bot API fake (test/fakes/telegram-server.ts), scaling 1 → 10 → 100 chats.
// The engine is bench/throughput/fast-claude.sh, a claude-shaped shell script that answers at
// once, and the transport's pacing knobs (private/group/global interval) are set to 0: the
// figure is Ferry's (journal, dispatch, run, progress, outbox, the Bot API round trips), not
// Telegram's flood limits, which would cap one chat at 1 message/s in production.
import '../lib/ts-hooks.mjs';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import {
  BENCH_DIR,
  machine,
  percentile,
  REPO_DIR,
  removeDir,
  scratchDir,
  writeResult,
} from '../lib/bench-kit.mjs';
import { answerTracker } from './answer-tracker.mjs';

const { TelegramServer } = await import(join(REPO_DIR, 'test/fakes/telegram-server.ts'));

const SCALE = Number(process.env.FERRY_BENCH_SCALE ?? 1);
const REPEAT = Math.max(1, Number(process.env.FERRY_BENCH_REPEAT ?? 3));
const SCENARIOS = [
  { chats: 1, messages: Math.max(10, Math.round(100 * SCALE)) },
  { chats: 10, messages: Math.max(20, Math.round(300 * SCALE)) },
  { chats: 100, messages: Math.max(100, Math.round(500 * SCALE)) },
];
const LATENCY_SAMPLES = Math.max(10, Math.round(100 * SCALE));
const CLI = join(REPO_DIR, 'packages/core/dist/cli.js');
const ENGINE = join(BENCH_DIR, 'throughput/fast-claude.sh');
const FIRST_USER = 10_000;

function config(tg, users) {
  return `default_engine = "claude"
log_level = "warn"
[engines.claude]
path = ${JSON.stringify(ENGINE)}
[transports.telegram]
bot_token = "${tg.token}"
api_root = "${tg.url}"
allowed_user_ids = [${users.join(', ')}]
poll_timeout_s = 1
private_interval_ms = 0
group_interval_ms = 0
global_interval_ms = 0
`;
}

/** Starts `ferry run` and resolves once it logged "ferry is ready" (at warn level: the status socket). */
async function startDaemon(configPath) {
  const p = spawn(process.execPath, [CLI, 'run'], {
    env: { ...process.env, FERRY_CONFIG_PATH: configPath },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  p.stderr.setEncoding('utf8').on('data', (d) => (err += d));
  const ready = async () => {
    for (let i = 0; i < 600; i++) {
      const s = spawn(process.execPath, [CLI, 'status', '--json'], {
        env: { ...process.env, FERRY_CONFIG_PATH: configPath },
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      let out = '';
      s.stdout.on('data', (d) => (out += d));
      const code = await new Promise((r) => s.once('exit', r));
      if (code === 0 && JSON.parse(out).state === 'running') return;
      if (p.exitCode !== null) throw new Error(`daemon exited: ${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`daemon not ready: ${err}`);
  };
  await ready();
  const stop = () => {
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    return exited;
  };
  return { pid: p.pid, stop };
}

/** Sends `n` messages round-robin over the chats at once; resolves with per-message latency (ms) and the wall time. */
async function burst(tg, users, n, label) {
  const track = answerTracker(tg);
  const sent = Array.from({ length: n }, (_, i) => {
    const u = users[i % users.length];
    const m = tg.userSends(u, u, `${label} ${i}`);
    track.expect(m);
    return m;
  });
  await tg.waitFor(() => track.poll() === 0, 300_000, `${n} answers`);
  const { latencies, last } = track.result();
  return { latencies, wallMs: Math.max(1, last - sent[0].at) };
}

/** One message at a time in one chat: the latency of a message that waits for nothing. */
async function sequential(tg, user, n) {
  const all = [];
  for (let i = 0; i < n; i++) all.push(...(await burst(tg, [user], 1, `alone ${i}`)).latencies);
  return all.sort((a, b) => a - b);
}

/** CPU time (user + system) the daemon has used so far, from /proc (Linux; 0 elsewhere). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in USER_HZ ticks
  } catch {
    return 0;
  }
}

const load = () => Number(loadavg()[0].toFixed(1));
const loadBefore = load();
const dir = scratchDir('throughput');
const scenarios = [];
try {
  for (const s of SCENARIOS) {
    const tg = await new TelegramServer().start();
    const users = Array.from({ length: s.chats }, (_, i) => FIRST_USER + i);
    for (const u of users) tg.privateChat(u);
    // one instance dir per scenario: a fresh fake numbers its updates from the same id again,
    // and a shared journal would drop them as already seen
    mkdirSync(join(dir, `chats-${s.chats}`));
    const configPath = join(dir, `chats-${s.chats}`, 'ferry.toml');
    writeFileSync(configPath, config(tg, users));
    const daemon = await startDaemon(configPath);
    try {
      await burst(tg, users, users.length, 'warm-up'); // every chat's session exists before timing
      if (s.chats === 1) {
        const alone = await sequential(tg, users[0], LATENCY_SAMPLES);
        scenarios.push({
          name: '1 chat, one message at a time',
          chats: 1,
          messages: alone.length,
          latencyMs: {
            p50: percentile(alone, 50),
            p90: percentile(alone, 90),
            p99: percentile(alone, 99),
            max: alone.at(-1),
          },
          latencies: alone,
        });
        console.log(
          `latency, one message at a time: p50 ${percentile(alone, 50)} ms, p99 ${percentile(alone, 99)} ms`,
        );
      }
      const rounds = [];
      for (let r = 0; r < REPEAT; r++) {
        const cpu0 = cpuMs(daemon.pid);
        const round = await burst(tg, users, s.messages, `round ${r}`);
        rounds.push({ ...round, cpuMsPerMessage: (cpuMs(daemon.pid) - cpu0) / s.messages });
      }
      const rate = (x) => (s.messages / x.wallMs) * 1000;
      const median = [...rounds].sort((a, b) => rate(a) - rate(b))[Math.floor(rounds.length / 2)];
      const sorted = [...median.latencies].sort((a, b) => a - b);
      scenarios.push({
        name: `${s.chats} chat${s.chats === 1 ? '' : 's'}`,
        chats: s.chats,
        messages: s.messages,
        messagesPerSec: Number(rate(median).toFixed(1)),
        rounds: rounds.map((x) => Number(rate(x).toFixed(1))),
        daemonCpuMsPerMessage: Number(median.cpuMsPerMessage.toFixed(2)),
        latencyMs: {
          p50: percentile(sorted, 50),
          p90: percentile(sorted, 90),
          p99: percentile(sorted, 99),
          max: sorted.at(-1),
        },
        latencies: sorted,
      });
      console.log(
        `throughput ${s.chats} chat(s): ${rate(median).toFixed(1)} msg/s (rounds ${rounds.map((x) => rate(x).toFixed(1)).join(', ')})`,
      );
    } finally {
      await daemon.stop();
      await tg.close();
    }
  }
} finally {
  removeDir(dir);
}

const [alone, one, ten, hundred] = scenarios;
const x10 = ten.messagesPerSec / one.messagesPerSec;
const x100 = hundred.messagesPerSec / one.messagesPerSec;
const loadAfter = load();
writeResult('throughput', {
  machine: machine(dir),
  scenarios,
  load: { before: loadBefore, after: loadAfter },
  summary: [
    `load average (1 min) ${loadBefore} → ${loadAfter} on ${machine().nproc} cpu`,
    `one message at a time: send → answer p50 ${alone.latencyMs.p50} ms, p99 ${alone.latencyMs.p99} ms`,
    ...[one, ten, hundred].map(
      (s) =>
        `${s.name}, burst of ${s.messages}: ${s.messagesPerSec} msg/s, daemon CPU ${s.daemonCpuMsPerMessage} ms/message (send → answer p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms: mostly queueing)`,
    ),
    `scaling vs 1 chat (same run): 10 chats ${x10.toFixed(1)}x, 100 chats ${x100.toFixed(1)}x`,
  ],
  targets: [
    {
      name: '100 chats: answered messages/s (absolute, this machine)',
      target: '>= 30',
      actual: hundred.messagesPerSec,
      met: hundred.messagesPerSec >= 30,
    },
    {
      name: '100 chats vs 1 chat (same-run ratio: no collapse with many sessions)',
      target: '>= 0.8x',
      actual: `${x100.toFixed(2)}x`,
      met: x100 >= 0.8,
    },
    {
      name: 'one message at a time: send → answer p99 (ms, absolute)',
      target: '<= 250',
      actual: alone.latencyMs.p99,
      met: alone.latencyMs.p99 <= 250,
    },
  ],
});
