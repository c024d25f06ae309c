#!/usr/bin/env node
/*
 * A fake `claude` CLI for Ferry's tests: it parses its command line the way Claude Code does
 * (commander: unknown options and stray arguments are errors) and replays a recorded fixture
 * from test/fixtures/engines/claude/ on real stdout, at the recorded pace.
 *
 * Which fixture: `case:NAME` anywhere in the prompt, else $FAKE_ENGINE_CASE, else `resume`
 * when --resume is given and `text` otherwise.
 *
 * Behaviour copied from the recordings (see /work/shared/fixtures/README.md):
 * - `-p --output-format stream-json` without `--verbose`: the recorded refusal, exit 1.
 * - the prompt is the positional argument, or with `--input-format stream-json` one
 *   `{"type":"user",…}` line per turn on stdin (a turn per line; exits when stdin closes).
 * - `--resume ID` prints ID as the session id; a new session gets a fresh UUID.
 * - SIGTERM: exit 143 without a result; a Bash tool still running first gets an
 *   "Exit code 137" tool_result. Fixtures recorded with a signal replay up to the signal,
 *   wait for one, then print what the CLI printed after it.
 * - `--version` prints the recorded version.
 * - `--permission-prompt-tool stdio` with a `control-*` case: interactive, see
 *   fake-claude-control.mjs; an `initialize` control request is answered as recorded.
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
import { setTimeout as sleep } from 'node:timers/promises';
import { replayControlTurn, StdinFeed } from './fake-claude-control.mjs';

const FIXTURES = new URL('../fixtures/engines/claude/', import.meta.url);
const VERSION = '2.1.328 (Claude Code)';

// arity: 0 = flag, 1 = value, '?' = optional value, '*' = variadic (commander semantics)
const OPTIONS = {
  '-p': 0,
  '--print': 0,
  '--verbose': 0,
  '-c': 0,
  '--continue': 0,
  '--include-partial-messages': 0,
  '--dangerously-skip-permissions': 0,
  '-v': 0,
  '--version': 0,
  '-h': 0,
  '--help': 0,
  '--strict-mcp-config': 0,
  '--output-format': 1,
  '--input-format': 1,
  '--model': 1,
  '--permission-mode': 1,
  '--permission-prompt-tool': 1,
  '--append-system-prompt': 1,
  '--system-prompt': 1,
  '--max-turns': 1,
  '--settings': 1,
  '--fallback-model': 1,
  '--session-id': 1,
  '-r': '?',
  '--resume': '?',
  '-d': '?',
  '--debug': '?',
  '--allowedTools': '*',
  '--allowed-tools': '*',
  '--disallowedTools': '*',
  '--disallowed-tools': '*',
  '--add-dir': '*',
  '--mcp-config': '*',
};
const ALIASES = {
  '-p': '--print',
  '-c': '--continue',
  '-v': '--version',
  '-h': '--help',
  '-r': '--resume',
  '-d': '--debug',
  '--allowed-tools': '--allowedTools',
  '--disallowed-tools': '--disallowedTools',
};

function fail(message, code = 1) {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.length < 2 || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const arity = OPTIONS[flag];
    if (arity === undefined) fail(`error: unknown option '${arg}'`);
    const name = (ALIASES[flag] ?? flag).slice(2);
    const next = () => argv[i + 1];
    if (arity === 0) opts[name] = true;
    else if (arity === 1) {
      if (inline !== undefined) opts[name] = inline;
      else if (next() === undefined) fail(`error: option '${flag} <value>' argument missing`);
      else opts[name] = argv[++i];
    } else if (arity === '?') {
      opts[name] = inline ?? (next() !== undefined && !next().startsWith('-') ? argv[++i] : true);
    } else {
      const values = inline !== undefined ? [inline] : [];
      while (next() !== undefined && !next().startsWith('-')) values.push(argv[++i]);
      opts[name] = values;
    }
  }
  if (positional.length > 1)
    fail(`error: too many arguments. Expected 1 argument but got ${positional.length}.`);
  return { opts, prompt: positional[0] };
}

function loadCase(name) {
  const base = new URL(name, FIXTURES);
  if (!/^[a-z0-9-]+$/.test(name) || !existsSync(`${base.pathname}.jsonl`))
    fail(`fake-claude: no fixture named "${name}"`, 2);
  const lines = readFileSync(`${base.pathname}.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l !== '');
  const meta = JSON.parse(readFileSync(`${base.pathname}.meta.json`, 'utf8'));
  return { lines, meta };
}

const speed = Number(process.env.FAKE_ENGINE_SPEED ?? '1') || 1;
const t0 = Date.now();
const minGap = Number(process.env.FAKE_ENGINE_MIN_GAP_MS ?? '0');
let lastEmit = 0;
const until = (ms) => sleep(Math.max(0, t0 + ms / speed - Date.now(), lastEmit + minGap - Date.now()));
let printed = 0;
const openTools = new Map(); // tool_use id -> command, to answer SIGTERM like claude
let sessionId;

function emit(line) {
  if (process.env.FAKE_ENGINE_GARBAGE === '1')
    process.stdout.write(`fake-claude: this is not JSON (${printed})\n`);
  process.stdout.write(`${line}\n`);
  lastEmit = Date.now();
  printed++;
  const event = JSON.parse(line);
  for (const block of event.message?.content ?? []) {
    if (block.type === 'tool_use' && block.name === 'Bash') openTools.set(block.id, block.input?.command);
    if (block.type === 'tool_result') openTools.delete(block.tool_use_id);
  }
  const crashAfter = Number(process.env.FAKE_ENGINE_CRASH_AFTER ?? 'NaN');
  if (printed === crashAfter) fail(`fake-claude: simulated crash after ${printed} events`, 3);
}

/** What claude printed on SIGTERM: the recorded lines after the signal, or a killed tool's result. */
function onSigterm(afterSignal, exit) {
  if (process.env.FAKE_ENGINE_IGNORE_SIGTERM === '1') return;
  for (const line of afterSignal) emit(line);
  if (afterSignal.length === 0) {
    for (const id of openTools.keys()) {
      emit(
        JSON.stringify({
          type: 'user',
          message: {
            role: 'user',
            content: [{ type: 'tool_result', content: 'Exit code 137', is_error: true, tool_use_id: id }],
          },
          parent_tool_use_id: null,
          session_id: sessionId,
          uuid: randomUUID(),
          tool_use_result: 'Error: Exit code 137',
        }),
      );
    }
  }
  process.exit(exit?.code ?? 143);
}

/** Replays one turn; a fixture recorded with a signal stops at it and waits for one. */
async function replayTurn({ lines, meta }, times, startAt) {
  const signalAt = meta.signalsSent?.[0]?.atMs ?? Number.POSITIVE_INFINITY;
  const before = lines.filter((_, i) => times[i] < signalAt);
  const after = lines.filter((_, i) => times[i] >= signalAt);
  process.removeAllListeners('SIGTERM');
  process.on('SIGTERM', () => onSigterm(after, meta.exit));
  for (const [i, line] of before.entries()) {
    await until(startAt + times[i]);
    emit(line);
  }
  if (after.length > 0 || Number.isFinite(signalAt)) {
    // the recorded CLI was busy (a tool, a held-open model stream) until the signal came
    for (const command of openTools.values())
      if (command) spawn('/bin/sh', ['-c', command], { stdio: 'ignore' });
    await new Promise(() => setInterval(() => {}, 1 << 30));
  }
}

async function main() {
  const { opts, prompt: positional } = parseArgs(process.argv.slice(2));
  if (opts.version) {
    process.stdout.write(`${VERSION}\n`);
    return;
  }
  if (!opts.print) fail('fake-claude: only print mode (-p) is faked');
  const outputFormat = opts['output-format'] ?? 'text';
  const inputFormat = opts['input-format'] ?? 'text';
  if (outputFormat === 'stream-json' && !opts.verbose) {
    process.stderr.write(readFileSync(new URL('no-verbose.stderr.txt', FIXTURES)));
    process.exit(1);
  }
  if (inputFormat === 'stream-json' && outputFormat !== 'stream-json')
    fail('Error: --input-format=stream-json requires output-format=stream-json');
  if (outputFormat !== 'stream-json')
    fail(`fake-claude: only --output-format stream-json was recorded, not ${outputFormat}`);

  const resume = typeof opts.resume === 'string' ? opts.resume : undefined;
  const control = opts['permission-prompt-tool'] === 'stdio';
  const feed =
    inputFormat === 'stream-json'
      ? new StdinFeed(
          (req) => answerControlRequest(req),
          (line) => fail(`Error parsing streaming input line: ${line}`),
        )
      : undefined;
  const messages = feed ? feed.users() : textPrompt(positional);
  let caseName;
  let turn = 0;
  let fixture;
  for await (const prompt of messages) {
    if (turn === 0) {
      const name =
        /\bcase:([a-z0-9-]+)/.exec(prompt)?.[1] ??
        process.env.FAKE_ENGINE_CASE ??
        (resume ? 'resume' : 'text');
      caseName = name;
      fixture = loadCase(name);
      const recorded = JSON.parse(fixture.lines[0]).session_id;
      sessionId = resume ?? randomUUID();
      if (recorded) fixture.lines = fixture.lines.map((l) => l.replaceAll(recorded, sessionId));
      fixture.times = fixture.meta.timing.lineTimes.map(([ms]) => ms);
      if (control && name.startsWith('control-')) {
        // the recorded initialize response is printed when (and if) we are asked to initialize
        const keep = fixture.lines.map((l) => JSON.parse(l).type !== 'control_response');
        fixture.lines = fixture.lines.filter((_, i) => keep[i]);
        fixture.times = fixture.times.filter((_, i) => keep[i]);
      }
      if (process.env.FAKE_ENGINE_ENV_DUMP) {
        appendFileSync(
          process.env.FAKE_ENGINE_ENV_DUMP,
          `${JSON.stringify({ argv: process.argv.slice(2), prompt, cwd: process.cwd(), env: process.env })}\n`,
        );
      }
    }
    const { times } = fixture;
    // a stream-json input gets one system/init … result sequence per message
    const turns = splitTurns(fixture.lines, times);
    const { lines, times: turnTimes } = turns[turn % turns.length];
    const startAt = turn === 0 ? 0 : (Date.now() - t0) * speed - turnTimes[0] + 20;
    if (control && caseName.startsWith('control-'))
      await replayControlTurn({
        name: caseName,
        lines,
        times: turnTimes,
        startAt,
        feed,
        emit,
        until,
        loadCase: (n) => loadCase(n),
        speed,
      });
    else await replayTurn({ lines, meta: fixture.meta }, turnTimes, startAt);
    turn++;
  }
  if (turn === 0)
    fail('Error: Input must be provided either through stdin or as a prompt argument when using --print');
  const lastLineAt = fixture.meta.timing.lineTimes.at(-1)?.[0] ?? 0;
  await until(
    inputFormat === 'stream-json'
      ? (Date.now() - t0) * speed + 30
      : Math.max(lastLineAt, fixture.meta.timing.exitMs),
  );
  process.exit(fixture.meta.exit.code ?? 1);
}

async function* textPrompt(positional) {
  if (positional !== undefined) {
    yield positional;
    return;
  }
  let text = '';
  if (!process.stdin.isTTY) for await (const chunk of process.stdin) text += chunk;
  if (text.trim() !== '') yield text;
}

/** `initialize` gets the recorded answer; other requests of ours get an empty success. */
function answerControlRequest(req) {
  const recorded = JSON.parse(loadCase('control-allow').lines[0]);
  const response = req.request?.subtype === 'initialize' ? recorded.response.response : {};
  emit(
    JSON.stringify({
      type: 'control_response',
      response: { subtype: 'success', request_id: req.request_id, response },
    }),
  );
}

function splitTurns(lines, times) {
  const turns = [];
  for (const [i, line] of lines.entries()) {
    if (
      turns.length === 0 ||
      (line.includes('"subtype":"init"') && JSON.parse(line).subtype === 'init' && i > 0)
    )
      turns.push({ lines: [], times: [] });
    turns.at(-1).lines.push(line);
    turns.at(-1).times.push(times[i]);
  }
  return turns.length > 0 ? turns : [{ lines: [], times: [] }];
}

await main();
