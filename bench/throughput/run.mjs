// End-to-end throughput (issue #11 (3a)): messages/s through the real daemon's Telegram transport
// against the loopback Bot API fake (test/fakes/telegram-server.ts), scaling 1 → 10 → 100 chats.
// The engine is bench/throughput/fast-claude.sh, a claude-shaped shell script that answers at
// once, and the transport's pacing knobs (private/group/global interval) are set to 0: the
// figure is Ferry's (journal, dispatch, run, progress, outbox, the Bot API round trips), not
// Telegram's flood limits, which would cap one chat at 1 message/s in production.
import '../lib/ts-hooks.mjs';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, machine, percentile, REPO_DIR, removeDir, scratchDir, writeResult } from '../lib/bench-kit.mjs';

const { TelegramServer } = await import(join(REPO_DIR, 'test/fakes/telegram-server.ts'));

const SCALE = Number(process.env.FERRY_BENCH_SCALE ?? 1);
const REPEAT = Math.max(1, Number(process.env.FERRY_BENCH_REPEAT ?? 3));
const SCENARIOS = [
  { chats: 1, messages: Math.max(10, Math.round(100 * SCALE)) },
  { chats: 10, messages: Math.max(20, Math.round(300 * SCALE)) },
  { chats: 100, messages: Math.max(100, Math.round(500 * SCALE)) },
];
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
  return { stop: () => new Promise((r) => (p.once('exit', r), p.kill('SIGTERM'))) };
}

/** Sends `n` messages round-robin over the chats at once; resolves with per-message latency (ms) and the wall time. */
async function burst(tg, users, n, label) {
  const sent = Array.from({ length: n }, (_, i) => {
    const u = users[i % users.length];
    return tg.userSends(u, u, `${label} ${i}`);
  });
  const t0 = sent[0].at;
  const open = new Set(sent);
  const latencies = [];
  let last = t0;
  await tg.waitFor(
    () => {
      for (const m of open) {
        const answer = tg.repliesTo(m.chat.id, m.message_id).find((r) => r.text.includes('— claude'));
        if (!answer) continue;
        open.delete(m);
        latencies.push(answer.at - m.at);
        last = Math.max(last, answer.at);
      }
      return open.size === 0;
    },
    300_000,
    `${n} answers`,
  );
  return { latencies, wallMs: Math.max(1, last - t0) };
}

const dir = scratchDir('throughput');
const scenarios = [];
try {
  for (const s of SCENARIOS) {
    const tg = await new TelegramServer().start();
    const users = Array.from({ length: s.chats }, (_, i) => FIRST_USER + i);
    for (const u of users) tg.privateChat(u);
    const configPath = join(dir, `ferry-${s.chats}.toml`);
    writeFileSync(configPath, config(tg, users));
    const daemon = await startDaemon(configPath);
    try {
      await burst(tg, users, users.length, 'warm-up'); // every chat's session exists before timing
      const rounds = [];
      for (let r = 0; r < REPEAT; r++) rounds.push(await burst(tg, users, s.messages, `round ${r}`));
      const rate = (x) => (s.messages / x.wallMs) * 1000;
      const median = [...rounds].sort((a, b) => rate(a) - rate(b))[Math.floor(rounds.length / 2)];
      const sorted = [...median.latencies].sort((a, b) => a - b);
      scenarios.push({
        name: `${s.chats} chat${s.chats === 1 ? '' : 's'}`,
        chats: s.chats,
        messages: s.messages,
        messagesPerSec: Number(rate(median).toFixed(1)),
        rounds: rounds.map((x) => Number(rate(x).toFixed(1))),
        latencyMs: { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted.at(-1) },
        latencies: sorted,
      });
      console.log(`throughput ${s.chats} chat(s): ${rate(median).toFixed(1)} msg/s (rounds ${rounds.map((x) => rate(x).toFixed(1)).join(', ')})`);
    } finally {
      await daemon.stop();
      await tg.close();
    }
  }
} finally {
  removeDir(dir);
}

const [one, ten, hundred] = scenarios;
const x10 = ten.messagesPerSec / one.messagesPerSec;
const x100 = hundred.messagesPerSec / one.messagesPerSec;
writeResult('throughput', {
  machine: machine(dir),
  scenarios,
  summary: [
    ...scenarios.map((s) => `${s.name}: ${s.messagesPerSec} msg/s, send → answer p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms`),
    `scaling vs 1 chat (same run): 10 chats ${x10.toFixed(1)}x, 100 chats ${x100.toFixed(1)}x`,
  ],
  targets: [
    { name: '100 chats: answered messages/s (absolute, this machine)', target: '>= 30', actual: hundred.messagesPerSec, met: hundred.messagesPerSec >= 30 },
    { name: '10 chats vs 1 chat (same-run ratio)', target: '>= 3x', actual: `${x10.toFixed(1)}x`, met: x10 >= 3 },
    { name: '100 chats vs 10 chats (no collapse with many sessions)', target: '>= 0.9x', actual: `${(hundred.messagesPerSec / ten.messagesPerSec).toFixed(2)}x`, met: hundred.messagesPerSec / ten.messagesPerSec >= 0.9 },
    { name: '1 chat: send → answer p99 (ms, absolute)', target: '<= 250', actual: one.latencyMs.p99, met: one.latencyMs.p99 <= 250 },
  ],
});
