#!/usr/bin/env node
/*
 * A fake `codex` CLI for Ferry's tests: it parses `codex exec` the way codex's clap parser does
 * (unknown arguments are errors, exit 2; `exec resume` takes no `--color`) and replays a recorded
 * fixture from test/fixtures/engines/codex/ on real stdout, at the recorded pace.
 *
 * Which fixture: `case:NAME` anywhere in the prompt, else $FAKE_ENGINE_CASE, else `resume` for
 * `exec … resume <id>` and `text` otherwise.
 *
 * Behaviour copied from the recordings (see /work/shared/fixtures/README.md):
 * - the prompt is read from stdin when it is `-` (or absent), until stdin closes.
 * - `resume <id>` prints that id in `thread.started`; a new thread gets a fresh UUID.
 * - the process lingers after `turn.completed` as long as the recording did (≈5 s: analytics).
 * - SIGTERM: death by the signal, nothing more printed. Fixtures recorded with a signal
 *   replay up to the signal (running the pending command, e.g. `tail -f /dev/null`) and wait.
 * - `--version` prints the recorded version.
 *
 * Test knobs: FAKE_ENGINE_SPEED (time divisor, default 1), FAKE_ENGINE_ENV_DUMP (file to which
 * one JSON line {argv, prompt, cwd, env} is appended), FAKE_ENGINE_GARBAGE=1 (a non-JSON line
 * before every event), FAKE_ENGINE_CRASH_AFTER=N (exit 3 with a stderr line after N events),
 * FAKE_ENGINE_IGNORE_SIGTERM=1 (only SIGKILL stops it), FAKE_ENGINE_MIN_GAP_MS (at least this long
 * between two events, so that a test sees each step in a progress edit).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const FIXTURES = new URL('../fixtures/engines/codex/', import.meta.url);
const VERSION = 'codex-cli 0.169.0';

// arity 0 = flag, 1 = value; `resume` accepts only some of exec's options after it
const EXEC_OPTIONS = {
  '--json': 0,
  '--skip-git-repo-check': 0,
  '--full-auto': 0,
  '--dangerously-bypass-approvals-and-sandbox': 0,
  '--oss': 0,
  '--color': 1,
  '-m': 1,
  '--model': 1,
  '-p': 1,
  '--profile': 1,
  '-c': 1,
  '--config': 1,
  '-s': 1,
  '--sandbox': 1,
  '-C': 1,
  '--cd': 1,
  '-i': 1,
  '--image': 1,
  '--output-schema': 1,
  '-o': 1,
  '--output-last-message': 1,
  '--add-dir': 1,
  '--enable': 1,
  '--disable': 1,
};
const RESUME_OPTIONS = {
  '--json': 0,
  '--skip-git-repo-check': 0,
  '--full-auto': 0,
  '--dangerously-bypass-approvals-and-sandbox': 0,
  '--last': 0,
  '--all': 0,
  '-m': 1,
  '--model': 1,
  '-c': 1,
  '--config': 1,
  '-i': 1,
  '--image': 1,
  '-o': 1,
  '--output-last-message': 1,
  '--enable': 1,
  '--disable': 1,
};
const NAMES = {
  '-m': 'model',
  '-p': 'profile',
  '-c': 'config',
  '-s': 'sandbox',
  '-C': 'cd',
  '-i': 'image',
  '-o': 'output-last-message',
};
const COLORS = ['always', 'never', 'auto'];

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function clapError(arg, usage) {
  fail(
    `error: unexpected argument '${arg}' found\n\nUsage: ${usage}\n\nFor more information, try '--help'.`,
    2,
  );
}

function parseExec(argv) {
  const opts = {};
  const positional = [];
  let table = EXEC_OPTIONS;
  let usage = 'codex exec [OPTIONS] [PROMPT] [COMMAND]';
  let resume;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-' || !arg.startsWith('-')) {
      if (arg === 'resume' && !resume && positional.length === 0) {
        resume = {};
        table = RESUME_OPTIONS;
        usage = 'codex exec resume [OPTIONS] [SESSION_ID] [PROMPT]';
      } else positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const arity = table[flag];
    if (arity === undefined) clapError(flag, usage);
    const name = NAMES[flag] ?? flag.slice(2);
    if (arity === 0) opts[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined)
        fail(`error: a value is required for '${flag} <VALUE>' but none was supplied`, 2);
      opts[name] = value;
    }
  }
  if (opts.color !== undefined && !COLORS.includes(opts.color))
    fail(`error: invalid value '${opts.color}' for '--color <COLOR>'`, 2);
  const maxPositional = resume ? 2 : 1;
  if (positional.length > maxPositional) clapError(positional[maxPositional], usage);
  if (resume && !opts.last) resume.id = positional.shift();
  return { opts, resume, prompt: positional[0] };
}

function insideGitRepo(dir) {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return true;
    if (dirname(d) === d) return false;
  }
}

function loadCase(name) {
  const base = new URL(name, FIXTURES).pathname;
  if (!/^[a-z0-9-]+$/.test(name) || !existsSync(`${base}.jsonl`))
    fail(`fake-codex: no fixture named "${name}"`, 2);
  const lines = readFileSync(`${base}.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  return { lines, meta: JSON.parse(readFileSync(`${base}.meta.json`, 'utf8')) };
}

async function readPrompt(prompt) {
  if (prompt !== undefined && prompt !== '-') return prompt;
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  if (text.trim() === '') fail('No prompt provided via stdin.');
  return text;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv[0] === '--version' || argv[0] === '-V') {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (argv[0] !== 'exec') fail('fake-codex: only `codex exec` is faked');
  const { opts, resume, prompt: promptArg } = parseExec(argv.slice(1));
  if (!opts.json) fail('fake-codex: only `--json` output was recorded');
  if (!opts['skip-git-repo-check'] && !insideGitRepo(process.cwd())) {
    fail('Not inside a trusted directory and --skip-git-repo-check was not specified.');
  }
  const prompt = await readPrompt(promptArg);
  if (process.env.FAKE_ENGINE_ENV_DUMP) {
    appendFileSync(
      process.env.FAKE_ENGINE_ENV_DUMP,
      `${JSON.stringify({ argv, prompt, cwd: process.cwd(), env: process.env })}\n`,
    );
  }
  const name =
    /\bcase:([a-z0-9-]+)/.exec(prompt)?.[1] ?? process.env.FAKE_ENGINE_CASE ?? (resume ? 'resume' : 'text');
  const { lines: recorded, meta } = loadCase(name);
  const recordedId = JSON.parse(recorded[0]).thread_id;
  const threadId = resume?.id ?? randomUUID();
  const lines = recordedId ? recorded.map((l) => l.replaceAll(recordedId, threadId)) : recorded;
  if (process.env.FAKE_ENGINE_IGNORE_SIGTERM === '1') process.on('SIGTERM', () => {});

  const speed = Number(process.env.FAKE_ENGINE_SPEED ?? '1') || 1;
  const t0 = Date.now();
  const minGap = Number(process.env.FAKE_ENGINE_MIN_GAP_MS ?? '0');
  let last = 0;
  const until = (ms) => sleep(Math.max(0, t0 + ms / speed - Date.now(), last + minGap - Date.now()));
  const times = meta.timing.lineTimes.map(([ms]) => ms);
  const signalAt = meta.signalsSent?.[0]?.atMs ?? Number.POSITIVE_INFINITY;
  const running = new Map(); // command_execution items started and not completed
  const crashAfter = Number(process.env.FAKE_ENGINE_CRASH_AFTER ?? 'NaN');
  for (const [i, line] of lines.entries()) {
    if (times[i] >= signalAt) break;
    await until(times[i]);
    if (process.env.FAKE_ENGINE_GARBAGE === '1')
      process.stdout.write(`fake-codex: this is not JSON (${i})\n`);
    process.stdout.write(`${line}\n`);
    last = Date.now();
    const event = JSON.parse(line);
    if (event.item?.type === 'command_execution') {
      if (event.type === 'item.started') running.set(event.item.id, event.item.command);
      else running.delete(event.item.id);
    }
    if (i + 1 === crashAfter) fail(`fake-codex: simulated crash after ${i + 1} events`, 3);
  }
  if (Number.isFinite(signalAt)) {
    // the recorded CLI was busy (a command, a held-open model stream) until SIGTERM killed it
    for (const command of running.values()) spawn('/bin/sh', ['-c', command], { stdio: 'ignore' });
    await new Promise(() => setInterval(() => {}, 1 << 30));
  }
  await until(meta.timing.exitMs);
  process.exit(meta.exit.code ?? 1);
}

await main();
