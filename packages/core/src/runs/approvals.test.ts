import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import type { ApprovalRequest } from '../api/approval.js';
import type { EngineEvent, Runner, RunRequest } from '../api/engine.js';
import { ManualClock } from '../clock/manual-clock.js';
import { approvalButtonData } from './approval-message.js';

/** An engine that asks once, then answers with what it was told. */
class AskingRunner implements Runner {
  readonly resume = { format: (t: string) => `resume ${t}`, extract: () => undefined };
  constructor(private readonly request: ApprovalRequest) {}
  async *run(req: RunRequest): AsyncIterable<EngineEvent> {
    yield { type: 'started', resume: 's1' };
    if (!req.approvals) {
      yield { type: 'completed', ok: true, answer: 'no channel' };
      return;
    }
    yield { type: 'approval', request: this.request };
    const a = await req.approvals.wait(this.request.id);
    yield {
      type: 'completed',
      ok: true,
      answer: `engine got ${a.decision}${a.optionId ? `:${a.optionId}` : ''}${a.message ? ` (${a.message})` : ''}`,
    };
  }
}

const bash: ApprovalRequest = {
  id: '6ee2715f-e5a9-4861-92fb-d769f4a683a7',
  kind: 'tool',
  tool: 'Bash',
  summary: '$ touch x.txt',
  options: [
    { id: 'allow', label: 'Allow' },
    { id: 'deny', label: 'Deny' },
  ],
};

const harnesses: Harness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.destroy();
});

async function start(request: ApprovalRequest, options: { clock?: ManualClock; timeout?: number } = {}) {
  const h = await buildHarness({
    engines: { test: new AskingRunner(request) },
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.timeout ? { config: { approvals: { timeout_s: options.timeout } } } : {}),
  });
  harnesses.push(h);
  await h.startup();
  await h.transport.receive('go');
  await h.transport.waitFor((t) =>
    t.messages.some((m) => m.text.startsWith('🔐') || m.text.startsWith('❓')),
  );
  const asked = h.transport.messages.find((m) => m.text.startsWith('🔐') || m.text.startsWith('❓'))!;
  return { h, asked };
}

describe('chat-native approvals', () => {
  it('shows the request with one button per option, each ≤ 64 bytes of callback data', async () => {
    const { asked } = await start(bash);
    expect(asked.text).toBe('🔐 test wants to run Bash: $ touch x.txt');
    const buttons = (asked.buttons ?? []).flat();
    expect(buttons.map((b) => b.text)).toEqual(['Allow', 'Deny', 'Always allow Bash in this session']);
    expect(buttons[0]!.data).toMatch(/^approve:\d+:1:allow$/);
    expect(Buffer.byteLength(approvalButtonData(999_999_999, 999_999, 'opt_99'))).toBeLessThanOrEqual(64);
  });

  it('routes an Allow press to the engine and edits the message to the outcome', async () => {
    const { h, asked } = await start(bash);
    await h.transport.press(asked.ref, 'Allow', { sender: { id: '7', name: 'Ann' } });
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('engine got allow:allow')));
    expect(asked.text).toBe('🔐 test wants to run Bash: $ touch x.txt\n✓ allowed by Ann');
    expect(asked.buttons).toBeUndefined();
  });

  it('tells the engine about a deny', async () => {
    const { h, asked } = await start(bash);
    await h.transport.press(asked.ref, 'Deny', { sender: { id: '7', name: 'Ann' } });
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('engine got deny:deny')));
    expect(h.transport.texts().find((x) => x.startsWith('engine got'))).toContain('Ann denied this in chat.');
    expect(asked.text).toMatch(/✗ denied by Ann$/);
  });

  it('answers a second press with "already handled" instead of doing nothing', async () => {
    const { h, asked } = await start(bash);
    const buttons = asked.buttons!;
    await h.transport.press(asked.ref, 'Allow');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('engine got allow')));
    // the stale button, as a chat client that did not refresh the keyboard still shows it
    asked.buttons = buttons;
    await h.transport.press(asked.ref, 'Deny');
    await h.transport.waitFor((t) => t.texts().some((x) => x.includes('already handled')));
    expect(h.transport.texts().filter((x) => x.startsWith('engine got'))).toHaveLength(1);
  });

  it('offers a question’s answers as buttons and passes the chosen one on', async () => {
    const { h, asked } = await start({
      id: 'q1',
      kind: 'question',
      summary: 'Which date library should we use?',
      options: [
        { id: 'o0', label: 'date-fns' },
        { id: 'o1', label: 'dayjs' },
      ],
    });
    expect(asked.buttons!.map((row) => row.map((b) => b.text))).toEqual([
      ['date-fns'],
      ['dayjs'],
      ['✍️ Answer in text'],
    ]);
    await h.transport.press(asked.ref, 'date-fns', { sender: { id: '7', name: 'Ann' } });
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('engine got allow:o0')));
    expect(asked.text).toMatch(/✓ date-fns — answered by Ann$/);
  });

  it('/cancel while a request is open denies it, says so, and the run ends', async () => {
    const { h, asked } = await start(bash);
    expect(h.runs.cancelById(h.runs.active()[0]!.id)).toBe(true);
    await h.transport.waitFor(() => asked.text.endsWith('✗ not answered — the run ended'));
    await vi.waitFor(() => expect(h.runs.active()).toHaveLength(0));
    expect(h.transport.texts().some((x) => x.startsWith('⚠️ cancelled'))).toBe(true);
  });

  it('denies after [approvals] timeout_s and tells the agent nobody answered', async () => {
    const clock = new ManualClock();
    const { h, asked } = await start(bash, { clock, timeout: 60 });
    await clock.advance(59_000);
    expect(h.transport.texts().some((x) => x.startsWith('engine got'))).toBe(false);
    await clock.advance(1_000);
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('engine got deny')));
    expect(h.transport.texts().find((x) => x.startsWith('engine got'))).toContain('did not answer');
    expect(asked.text).toMatch(/✗ denied — no answer within 60 s$/);
    await h.transport.press(asked.ref, 'Allow').catch(() => undefined);
  });

  it('ignores a press from another chat: the request stays open and the engine waits', async () => {
    const { h, asked } = await start(bash);
    const data = asked.buttons![0]![0]!.data;
    await h.transport.receive(data, { kind: 'callback', chat: { transport: 'memory', chat: 'elsewhere' } });
    await vi.waitFor(() => expect(h.journal.list(['done']).map((e) => e.event.text)).toContain(data));
    expect(asked.text).toBe('🔐 test wants to run Bash: $ touch x.txt');
    expect(asked.buttons).toBeDefined();
    expect(h.transport.texts().some((x) => x.startsWith('engine got') || x.includes('already handled'))).toBe(
      false,
    );
    await h.transport.press(asked.ref, 'Allow');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('engine got allow')));
  });
});
