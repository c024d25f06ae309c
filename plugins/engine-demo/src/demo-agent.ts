/*
 * DEMO agent — not an AI. A standalone program that behaves like
 * `claude -p --output-format stream-json --verbose [--resume ID]`: it prints claude-shaped
 * JSONL for a few scripted, harmless actions so Ferry works offline (DESIGN §8).
 * It imports nothing but node builtins: it runs as `node dist/demo-agent.js`.
 *
 * Hooks (a line of the prompt that is exactly): `sleep N` (one action lasting N s),
 * `fail` (an error result, exit 1), `crash` (exit 2, no result), `noise` (stray output lines).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

interface Args {
  prompt?: string;
  resume?: string;
  model: string;
  delayMs: number;
  verbose: boolean;
  outputFormat?: string;
}

interface Session {
  session_id: string;
  cwd: string;
  turns: number;
}

interface Tool {
  name: string;
  input: Record<string, unknown>;
  run(): Promise<string>;
}

const VALUE_FLAGS = new Set(['--resume', '-r', '--model', '--delay-ms', '--output-format']);

function parseArgs(argv: readonly string[]): Args {
  const envDelay = Number(process.env.FERRY_DEMO_DELAY_MS);
  const args: Args = { model: 'demo', delayMs: Number.isFinite(envDelay) ? envDelay : 300, verbose: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (VALUE_FLAGS.has(arg)) {
      const value = argv[++i] ?? '';
      if (arg === '--resume' || arg === '-r') args.resume = value;
      else if (arg === '--model') args.model = value;
      else if (arg === '--delay-ms') args.delayMs = Number(value) || 0;
      else args.outputFormat = value;
    } else if (arg === '--verbose') args.verbose = true;
    else if (!arg.startsWith('-')) positional.push(arg);
    // other flags (-p/--print, unknown ones) are accepted and ignored, as a demo should be lenient
  }
  if (positional.length > 0) args.prompt = positional.join(' ');
  return args;
}

function sessionsDir(): string {
  const home = process.env.FERRY_DEMO_HOME ?? join(homedir(), '.ferry-demo');
  return join(home, 'sessions');
}

function loadSession(id: string): Session | undefined {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  try {
    return JSON.parse(readFileSync(join(sessionsDir(), `${id}.json`), 'utf8')) as Session;
  } catch {
    return undefined;
  }
}

function saveSession(session: Session): void {
  const dir = sessionsDir();
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${session.session_id}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(session));
  renameSync(`${file}.tmp`, file);
}

async function readStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk;
  return text;
}

function emit(event: Record<string, unknown>): void {
  // Pipes are written synchronously on Linux, so an exit right after loses nothing.
  process.stdout.write(`${JSON.stringify({ ...event, uuid: randomUUID() })}\n`);
}

function hook(prompt: string, pattern: RegExp): RegExpMatchArray | null {
  return prompt.match(new RegExp(`^\\s*${pattern.source}\\s*$`, 'im'));
}

/** The `sleep N` action: a real child process, like a tool shell, that SIGTERM must reach. */
function sleepTool(seconds: number, running: Set<ChildProcess>): Tool {
  return {
    name: 'Sleep',
    input: { command: `sleep ${seconds}`, seconds },
    run: () =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, ['-e', `setTimeout(() => {}, ${seconds * 1000})`], {
          stdio: 'ignore',
        });
        running.add(child);
        child.once('exit', () => {
          running.delete(child);
          resolve(`slept ${seconds} s`);
        });
      }),
  };
}

function scriptedTools(prompt: string, cwd: string, files: string[], running: Set<ChildProcess>): Tool[] {
  const sleep = hook(prompt, /sleep\s+(\d+(?:\.\d+)?)/);
  if (sleep) return [sleepTool(Number(sleep[1]), running)];
  return [
    { name: 'ListFiles', input: { path: cwd }, run: async () => files.join('\n') || '(empty)' },
    { name: 'WordCount', input: { text: 'the prompt' }, run: async () => String(wordCount(prompt)) },
    { name: 'Clock', input: {}, run: async () => new Date().toISOString() },
  ];
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function listFiles(cwd: string): string[] {
  try {
    return readdirSync(cwd).sort();
  } catch {
    return [];
  }
}

function quote(text: string): string {
  const oneLine = text.trim().replace(/\s+/g, ' ');
  return oneLine.length > 200 ? `${oneLine.slice(0, 199)}…` : oneLine;
}

async function main(): Promise<void> {
  const started = Date.now();
  const args = parseArgs(process.argv.slice(2));
  if (args.outputFormat === 'stream-json' && !args.verbose) {
    process.stderr.write('Error: When using --print, --output-format=stream-json requires --verbose\n');
    process.exit(1);
  }
  const prompt = args.prompt ?? (await readStdin());
  const cwd = process.cwd();
  const previous = args.resume === undefined ? undefined : loadSession(args.resume);
  if (args.resume !== undefined && previous === undefined) {
    process.stderr.write(`No conversation found with session ID: ${args.resume}\n`);
    process.exit(1);
  }
  const session: Session = previous ?? { session_id: randomUUID(), cwd, turns: 0 };
  session.turns += 1;
  const sid = session.session_id;
  const running = new Set<ChildProcess>();
  let openTool: string | undefined;

  process.on('SIGTERM', () => {
    for (const child of running) child.kill('SIGKILL');
    if (openTool !== undefined) toolResult(sid, openTool, 'Interrupted by SIGTERM', true);
    process.exit(143); // like claude: a plain exit, no result line
  });

  const pause = () => delay(args.delayMs);
  emit({
    type: 'system',
    subtype: 'init',
    cwd,
    session_id: sid,
    tools: ['ListFiles', 'WordCount', 'Clock', 'Sleep'],
    mcp_servers: [],
    model: args.model,
    permissionMode: 'default',
    apiKeySource: 'none',
    demo: true,
  });
  await pause();
  assistantText(sid, args.model, 'Demo engine here (no AI). Let me look around.');
  if (hook(prompt, /noise/)) {
    process.stdout.write('this line is not JSON\n\n');
    emit({ type: 'demo_unknown', session_id: sid, note: 'an event type Ferry does not know' });
  }
  if (hook(prompt, /crash/)) {
    process.stderr.write('demo-agent: crash requested by the prompt\n');
    process.exit(2);
  }

  const files = listFiles(cwd);
  const tools = scriptedTools(prompt, cwd, files, running);
  for (const [i, tool] of tools.entries()) {
    await pause();
    const id = `toolu_demo_${session.turns}_${i + 1}`;
    emit({
      type: 'assistant',
      message: assistantMessage(args.model, [{ type: 'tool_use', id, name: tool.name, input: tool.input }]),
      parent_tool_use_id: null,
      session_id: sid,
    });
    openTool = id;
    const output = await tool.run();
    openTool = undefined;
    toolResult(sid, id, output, false);
  }
  await pause();

  const failed = hook(prompt, /fail/) !== null;
  const answer = failed
    ? 'Demo failure requested (the prompt had a line "fail"). Nothing is wrong.'
    : `Demo engine here (no AI). You said: "${quote(prompt)}" (${wordCount(prompt)} words). ` +
      `I looked at ${files.length} files in ${cwd}. This is turn ${session.turns} of demo session ${sid}.`;
  assistantText(sid, args.model, answer);
  saveSession(session); // before the result: a runner may stop us as soon as it has seen it
  emit({
    type: 'result',
    subtype: 'success',
    is_error: failed,
    duration_ms: Date.now() - started,
    duration_api_ms: 0,
    num_turns: tools.length + 1,
    result: answer,
    stop_reason: 'end_turn',
    session_id: sid,
    total_cost_usd: 0,
    usage: { input_tokens: wordCount(prompt), output_tokens: wordCount(answer) },
    permission_denials: [],
    terminal_reason: failed ? 'api_error' : 'completed',
  });
  process.exitCode = failed ? 1 : 0;
}

function assistantMessage(model: string, content: unknown[]): Record<string, unknown> {
  return { id: `msg_demo_${randomUUID()}`, type: 'message', role: 'assistant', model, content };
}

function assistantText(sid: string, model: string, text: string): void {
  emit({
    type: 'assistant',
    message: assistantMessage(model, [{ type: 'text', text }]),
    parent_tool_use_id: null,
    session_id: sid,
  });
}

function toolResult(sid: string, toolUseId: string, content: string, isError: boolean): void {
  emit({
    type: 'user',
    message: {
      role: 'user',
      content: [{ tool_use_id: toolUseId, type: 'tool_result', content, is_error: isError }],
    },
    parent_tool_use_id: null,
    session_id: sid,
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`demo-agent: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(3);
});
