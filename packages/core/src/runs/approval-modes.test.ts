import { afterEach, describe, expect, it } from 'vitest';
import { AskingRunner, tool } from '../__fixtures__/asking-runner.js';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import type { ApprovalRequest } from '../api/approval.js';

const harnesses: Harness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.destroy();
});

async function start(requests: ApprovalRequest[], config: Record<string, unknown> = {}, dir?: string) {
  const runner = new AskingRunner(requests);
  const h = await buildHarness({ engines: { test: runner }, config, ...(dir ? { dir } : {}) });
  harnesses.push(h);
  await h.startup();
  return { h, runner };
}

const asked = (h: Harness) => h.transport.messages.filter((m) => /^(🔐|📋|❓)/.test(m.text));
const answered = (h: Harness) =>
  h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('engine got')));
const answer = (h: Harness) =>
  h.transport
    .texts()
    .find((x) => x.startsWith('engine got'))
    ?.split('\n')[0];

describe('approval modes', () => {
  it('edits: reads go through unasked; writes and shell are asked', async () => {
    const { h, runner } = await start([tool('Read', 'read'), tool('Edit', 'write'), tool('Bash', 'shell')], {
      approvals: { mode: 'edits' },
    });
    await h.transport.receive('go');
    await h.transport.waitFor(() => asked(h).length === 1);
    expect(asked(h)[0]!.text).toBe('🔐 test wants to run Edit: Edit something');
    await h.transport.press(asked(h)[0]!.ref, 'Allow');
    await h.transport.waitFor(() => asked(h).length === 2);
    await h.transport.press(asked(h)[1]!.ref, 'Deny');
    await answered(h);
    expect(answer(h)).toBe('engine got Read:allow Edit:allow Bash:deny');
    expect(runner.modes).toEqual(['edits']);
  });

  it('bypass: nothing is asked; questions still are, since only a person knows the answer', async () => {
    const question: ApprovalRequest = {
      id: 'q',
      kind: 'question',
      summary: 'Which one?',
      options: [{ id: 'o0', label: 'this one' }],
    };
    const { h } = await start([tool('Bash', 'shell'), tool('Mcp', undefined), question], {
      approvals: { mode: 'bypass' },
    });
    await h.transport.receive('go');
    await h.transport.waitFor(() => asked(h).length === 1);
    expect(asked(h)[0]!.text).toMatch(/^❓ test asks: Which one\?/);
    await h.transport.press(asked(h)[0]!.ref, 'this one');
    await answered(h);
    expect(answer(h)).toBe('engine got Bash:allow Mcp:allow q:allow{"Which one?":"this one"}');
  });

  it('plan: the plan is approved once, then the rest of that run asks nothing; the next run plans again', async () => {
    const plan: ApprovalRequest = { ...tool('ExitPlanMode', 'plan', 'approve it'), details: '1. touch x' };
    const { h } = await start([plan, tool('Bash', 'shell'), tool('Edit', 'write')], {
      approvals: { mode: 'plan' },
    });
    await h.transport.receive('go');
    await h.transport.waitFor(() => asked(h).length === 1);
    const p = asked(h)[0]!;
    expect(p.text).toBe('📋 test has a plan: approve it\n1. touch x');
    expect(p.buttons!.flat().map((b) => b.text)).toEqual(['Allow', 'Deny']); // no "always" for a plan
    await h.transport.press(p.ref, 'Allow', { sender: { id: '7', name: 'Ann' } });
    await answered(h);
    expect(p.text).toMatch(/✓ plan approved by Ann — no more approvals in this run$/);
    expect(answer(h)).toBe('engine got ExitPlanMode:allow Bash:allow Edit:allow');
    await h.transport.receive('again');
    await h.transport.waitFor(() => asked(h).length === 2);
    expect(asked(h)[1]!.text).toMatch(/^📋/);
  });

  it('the chat’s /mode wins over the project’s, which wins over [approvals] mode; reset goes back', async () => {
    const { h, runner } = await start([], {
      approvals: { mode: 'ask' },
      projects: { web: { path: '.', chats: ['memory:c1'], mode: 'edits' } },
    });
    await h.transport.receive('one');
    await h.transport.waitFor((t) => t.texts().filter((x) => x.startsWith('engine got')).length === 1);
    await h.transport.receive('/mode');
    await h.transport.waitFor((t) =>
      t.texts().some((x) => x.startsWith('Approval mode: edits (from project web)')),
    );
    const listing = h.transport.messages.find((m) => m.text.startsWith('Approval mode: edits'))!;
    expect(listing.buttons!.flat().map((b) => b.text)).toEqual(['Mode: ask', 'Mode: plan', 'Mode: bypass']);
    await h.transport.press(listing.ref, 'Mode: bypass');
    await h.transport.waitFor(() => listing.text.startsWith('Approval mode: bypass'));
    await h.transport.receive('two');
    await h.transport.waitFor((t) => t.texts().filter((x) => x.startsWith('engine got')).length === 2);
    await h.transport.receive('/mode reset');
    await h.transport.waitFor((t) => t.texts().some((x) => x.includes('edits (from project web) applies')));
    // hot: the config is read for every run
    h.config.projects.web = { ...h.config.projects.web!, mode: undefined };
    await h.transport.receive('three');
    await h.transport.waitFor((t) => t.texts().filter((x) => x.startsWith('engine got')).length === 3);
    expect(runner.modes).toEqual(['edits', 'bypass', 'ask']);
  });

  it('"Always allow" lets later calls of that tool through in this session, across a restart, until /new', async () => {
    const { h } = await start([tool('Bash', 'shell'), tool('Bash', 'shell')], { approvals: { mode: 'ask' } });
    await h.transport.receive('go');
    await h.transport.waitFor(() => asked(h).length === 1);
    const first = asked(h)[0]!;
    await h.transport.press(first.ref, 'Always allow Bash in this session', {
      sender: { id: '7', name: 'Ann' },
    });
    await answered(h);
    expect(first.text).toMatch(/✓ always allowed Bash in this session by Ann$/);
    expect(answer(h)).toBe('engine got Bash:allow Bash:allow');
    expect(asked(h)).toHaveLength(1);
    h.close();

    // the next generation, same state dir: still allowed, shown by /mode, forgotten by /new
    const { h: next } = await start([tool('Bash', 'shell')], { approvals: { mode: 'ask' } }, h.dir);
    await next.transport.receive('again');
    await answered(next);
    expect(asked(next)).toHaveLength(0);
    await next.transport.receive('/mode');
    await next.transport.waitFor((t) =>
      t.texts().some((x) => x.includes('Always allowed in this session: Bash')),
    );
    await next.transport.receive('/new');
    await next.transport.waitFor((t) => t.texts().some((x) => x.startsWith('🆕')));
    await next.transport.receive('and again');
    await next.transport.waitFor(() => asked(next).length === 1);
  });
});
