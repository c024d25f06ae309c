/*
 * The interactive half of the fake `claude` (`--permission-prompt-tool stdio`): it replays a
 * `control-*` recording up to its `can_use_tool` request, waits for our `control_response` with
 * that `request_id` (a wrong id is ignored, as the real CLI does), then prints the continuation
 * recorded for that answer: allow → control-allow (or the case's own allow), deny →
 * control-deny with our message as the tool_result, stdin closed unanswered → control-noanswer.
 * An allowed Bash call is run in the cwd (`touch x.txt` leaves x.txt, as recorded).
 */
import { spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';

/** stdin as three streams: user turns, control responses, and `initialize` requests. */
export class StdinFeed {
  #users = [];
  #responses = [];
  #wake = [];
  closed = false;

  constructor(onRequest, onBadLine) {
    const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
    rl.on('line', (line) => {
      if (line.trim() === '') return;
      let message;
      try {
        message = JSON.parse(line);
      } catch {
        onBadLine(line);
        return;
      }
      if (message.type === 'user') this.#users.push(message);
      else if (message.type === 'control_response') this.#responses.push(message.response ?? {});
      else if (message.type === 'control_request') onRequest(message);
      this.#notify();
    });
    rl.on('close', () => {
      this.closed = true;
      this.#notify();
    });
  }

  #notify() {
    for (const wake of this.#wake.splice(0)) wake();
  }

  #changed() {
    return new Promise((resolve) => this.#wake.push(resolve));
  }

  async *users() {
    for (;;) {
      const next = this.#users.shift();
      if (next) {
        const content = next.message?.content;
        yield typeof content === 'string' ? content : (content ?? []).map((b) => b.text ?? '').join('');
        continue;
      }
      if (this.closed) return;
      await this.#changed();
    }
  }

  /** The answer for `requestId`, or null when stdin closed first. */
  async response(requestId) {
    for (;;) {
      const i = this.#responses.findIndex((r) => r.request_id === requestId);
      if (i >= 0) return this.#responses.splice(i, 1)[0].response ?? {};
      this.#responses.length = 0; // others: an unknown id, silently dropped
      if (this.closed) return null;
      await this.#changed();
    }
  }
}

const isCanUseTool = (line) => {
  const e = JSON.parse(line);
  return e.type === 'control_request' && e.request?.subtype === 'can_use_tool';
};
const sessionOf = (lines) => lines.map((l) => JSON.parse(l).session_id).find(Boolean);

function continuationCase(name, answer) {
  if (answer === null) return 'control-noanswer';
  if (answer.behavior === 'deny') return 'control-deny';
  return name === 'control-ask' || name === 'control-plan' || name.startsWith('control-allow')
    ? name
    : 'control-allow';
}

/** Rewrites the tool_result line to what the CLI would print for our answer. */
function adjustResult(line, request, answer) {
  const event = JSON.parse(line);
  const block =
    event.type === 'user' ? event.message?.content?.find?.((b) => b.type === 'tool_result') : undefined;
  if (!block || answer === null) return line;
  if (answer.behavior === 'deny') {
    block.content = answer.message ?? '';
    event.tool_use_result = `Error: ${answer.message ?? ''}`;
  } else if (request.tool_name === 'AskUserQuestion' && answer.updatedInput?.answers) {
    const pairs = Object.entries(answer.updatedInput.answers).map(([q, a]) => `"${q}"="${a}"`);
    block.content = `Your questions have been answered: ${pairs.join(', ')}. You can now continue with these answers in mind.`;
  }
  return JSON.stringify(event);
}

/** Replays one turn of a control case; `emit`, `until`, `loadCase` come from fake-claude. */
export async function replayControlTurn({ name, lines, times, startAt, feed, emit, until, loadCase, speed }) {
  const at = lines.findIndex(isCanUseTool);
  const head = at < 0 ? lines : lines.slice(0, at + 1);
  for (const [i, line] of head.entries()) {
    // the initialize response is printed when (and if) we are asked to initialize
    if (JSON.parse(line).type === 'control_response') continue;
    await until(startAt + times[i]);
    emit(line);
  }
  if (at < 0) return;
  const request = JSON.parse(lines[at]);
  const answer = await feed.response(request.request_id);
  // an allowed Bash call really runs, with the input we sent back, as the CLI does: tests can
  // see the tool's effect in the run's directory
  const command = (answer?.updatedInput ?? request.request.input)?.command;
  if (answer?.behavior === 'allow' && request.request.tool_name === 'Bash' && typeof command === 'string')
    spawnSync('/bin/sh', ['-c', command], { stdio: 'ignore' });
  const sibling = loadCase(continuationCase(name, answer));
  const sAt = sibling.lines.findIndex(isCanUseTool);
  const sRequest = JSON.parse(sibling.lines[sAt]).request;
  const from = sessionOf(sibling.lines);
  const to = sessionOf(lines);
  const sTimes = sibling.meta.timing.lineTimes.map(([ms]) => ms);
  // from our answer (or stdin's close) on, at the recorded pace; the wait itself is ours
  const base = Date.now();
  for (let i = sAt + 1; i < sibling.lines.length; i++) {
    let line = sibling.lines[i].replaceAll(sRequest.tool_use_id, request.request.tool_use_id);
    if (from && to) line = line.replaceAll(from, to);
    await sleep(Math.max(0, base + (sTimes[i] - sTimes[sAt + 1]) / speed - Date.now()));
    emit(adjustResult(line, request.request, answer));
  }
}
