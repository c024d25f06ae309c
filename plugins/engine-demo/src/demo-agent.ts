/*
 * DEMO agent — not an AI. A standalone program (`node dist/demo-agent.js`) that behaves like
 * `claude -p --output-format stream-json --verbose [--resume ID]`: it prints claude-shaped
 * JSONL for a few scripted, harmless actions so Ferry works offline (DESIGN §8). It and the
 * modules it imports use node builtins only.
 *
 * Hooks (a line of the prompt that is exactly): `sleep N` (one action lasting N s),
 * `fail` (an error result, exit 1), `crash` (exit 2, no result), `noise` (stray output lines).
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { type DemoSession, loadSession, saveSession } from './demo-sessions.js';
import { listFiles, promptHook, scriptedTools, wordCount } from './demo-tools.js';

interface Args {
  prompt?: string;
  resume?: string;
  model: string;
  delayMs: number;
  verbose: boolean;
  outputFormat?: string;
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
    // other flags (-p/--print, unknown ones) are accepted and ignored: a demo should be lenient
  }
  if (positional.length > 0) args.prompt = positional.join(' ');
  return args;
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

function assistant(sid: string, model: string, block: Record<string, unknown>): void {
  const message = {
    id: `msg_demo_${randomUUID()}`,
    type: 'message',
    role: 'assistant',
    model,
    content: [block],
  };
  emit({ type: 'assistant', message, parent_tool_use_id: null, session_id: sid });
}

function toolResult(sid: string, toolUseId: string, content: string, isError: boolean): void {
  const block = { tool_use_id: toolUseId, type: 'tool_result', content, is_error: isError };
  emit({
    type: 'user',
    message: { role: 'user', content: [block] },
    parent_tool_use_id: null,
    session_id: sid,
  });
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
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
  const session: DemoSession = previous ?? { session_id: randomUUID(), cwd, turns: 0 };
  session.turns += 1;
  const sid = session.session_id;
  // like claude, the session exists from its first line on: a turn cut by SIGTERM can be resumed
  saveSession(session);
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
  assistant(sid, args.model, { type: 'text', text: 'Demo engine here (no AI). Let me look around.' });
  if (promptHook(prompt, /noise/)) {
    process.stdout.write('this line is not JSON\n\n');
    emit({ type: 'demo_unknown', session_id: sid, note: 'an event type Ferry does not know' });
  }
  if (promptHook(prompt, /crash/)) {
    process.stderr.write('demo-agent: crash requested by the prompt\n');
    process.exit(2);
  }

  const tools = scriptedTools(prompt, cwd, running);
  for (const [i, tool] of tools.entries()) {
    await pause();
    const id = `toolu_demo_${session.turns}_${i + 1}`;
    assistant(sid, args.model, { type: 'tool_use', id, name: tool.name, input: tool.input });
    openTool = id;
    const output = await tool.run();
    openTool = undefined;
    toolResult(sid, id, output, false);
  }
  await pause();

  const failed = promptHook(prompt, /fail/) !== null;
  const answer = failed
    ? 'Demo failure requested (the prompt had a line "fail"). Nothing is wrong.'
    : `Demo engine here (no AI). You said: "${quote(prompt)}" (${plural(wordCount(prompt), 'word')}). ` +
      `I looked at ${plural(listFiles(cwd).length, 'file')} in ${cwd}. ` +
      `This is turn ${session.turns} of demo session ${sid}.`;
  assistant(sid, args.model, { type: 'text', text: answer });
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

main().catch((err: unknown) => {
  process.stderr.write(`demo-agent: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(3);
});
