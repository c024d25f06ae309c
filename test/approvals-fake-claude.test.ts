import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import { REPO } from './support/daemon.js';

// biome-ignore lint/suspicious/noExplicitAny: recorded CLI lines, read by their documented shape
type Line = any;

const FAKE = join(REPO, 'test/fakes/fake-claude.mjs');
const ARGS = [
  '-p',
  '--input-format',
  'stream-json',
  '--output-format',
  'stream-json',
  '--verbose',
  '--permission-mode',
  'default',
  '--permission-prompt-tool',
  'stdio',
];

/** The fake as the runner drives it: stdin open, one stdout line at a time. */
function fake() {
  // an allowed Bash call really runs (touch x.txt): never in the repo
  const cwd = mkdtempSync(join(tmpdir(), 'ferry-fake-claude-'));
  onTestFinished(() => rmSync(cwd, { recursive: true, force: true }));
  const proc = spawn(process.execPath, [FAKE, ...ARGS], {
    cwd,
    env: { ...process.env, FAKE_ENGINE_SPEED: '20' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines: Line[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: proc.stdout }).on('line', (l) => {
    lines.push(JSON.parse(l));
    for (const w of [...waiters]) w();
  });
  const until = (pred: (e: Line) => boolean) =>
    new Promise<Line>((resolve) => {
      const check = () => {
        const hit = lines.find(pred);
        if (hit) {
          waiters.delete(check);
          resolve(hit);
        }
      };
      waiters.add(check);
      check();
    });
  const write = (o: object) => proc.stdin.write(`${JSON.stringify(o)}\n`);
  const exit = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return { lines, until, write, exit, proc };
}

const user = (text: string) => ({
  type: 'user',
  message: { role: 'user', content: text },
  parent_tool_use_id: null,
  session_id: '',
});
const answer = (id: string, response: object) => ({
  type: 'control_response',
  response: { subtype: 'success', request_id: id, response },
});
const toolResult = (e: Line) => e.type === 'user' && e.message?.content?.[0]?.type === 'tool_result';

describe('fake claude replays the control-* recordings interactively', () => {
  it('answers initialize, waits for the right request_id (a wrong one is ignored), then allows', async () => {
    const f = fake();
    f.write({ type: 'control_request', request_id: 'req_1_init', request: { subtype: 'initialize' } });
    await f.until((e) => e.type === 'control_response' && e.response.request_id === 'req_1_init');
    f.write(user('case:control-allow create x.txt'));
    const req = await f.until((e) => e.type === 'control_request');
    f.write(answer('no-such-request', { behavior: 'allow' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(f.lines.some(toolResult)).toBe(false);
    f.write(answer(req.request_id, { behavior: 'allow', updatedInput: req.request.input }));
    const result = await f.until(toolResult);
    expect(result.message.content[0].is_error).toBe(false);
    await f.until((e) => e.type === 'result');
    f.proc.stdin.end();
    expect(await f.exit).toBe(0);
  });

  it('a deny puts our message in the tool_result; stdin closed unanswered prints the noanswer path', async () => {
    const d = fake();
    d.write(user('case:control-allow create x.txt'));
    const req = await d.until((e) => e.type === 'control_request');
    d.write(answer(req.request_id, { behavior: 'deny', message: 'ann denied this in chat.' }));
    expect((await d.until(toolResult)).message.content[0]).toMatchObject({
      is_error: true,
      content: 'ann denied this in chat.',
    });
    await d.until((e) => e.type === 'result');
    d.proc.stdin.end();
    expect(await d.exit).toBe(0);

    const n = fake();
    n.write(user('case:control-allow create x.txt'));
    await n.until((e) => e.type === 'control_request');
    n.proc.stdin.end();
    expect((await n.until(toolResult)).message.content[0].content).toMatch(/Tool permission stream closed/);
    expect(await n.exit).toBe(0);
  });
});
