import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import { ScriptedRunner, simpleScript } from '../testing/scripted-runner.js';

const harnesses: Harness[] = [];
afterEach(() => {
  for (const h of harnesses.splice(0)) h.destroy();
});

async function harness(engines: ConstructorParameters<typeof ScriptedRunner>[0]) {
  const runner = new ScriptedRunner(engines);
  const h = await buildHarness({ engines: { test: runner } });
  harnesses.push(h);
  await h.startup();
  return { h, runner };
}

function gate() {
  let open!: () => void;
  const until = new Promise<void>((r) => {
    open = r;
  });
  return { until, open };
}

describe('RunService', () => {
  it('answers a message as a reply with a footer and shrinks the progress message to a summary', async () => {
    const { h } = await harness(() => simpleScript('the answer'));
    const event = await h.transport.receive('hello');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('the answer')));
    const answer = h.transport.messages.find((m) => m.text.startsWith('the answer'))!;
    expect(answer.replyTo).toEqual(event.messageRef);
    expect(answer.text).toMatch(/— test \(test-model\) · \d+ ms · 10 in \/ 5 out tokens · \$0\.0100/);
    const progress = h.transport.messages[0]!;
    await h.transport.waitFor(() => progress.text.startsWith('✓ done'));
    expect(progress.text).toMatch(/✓ done · .* · 1 step\(s\)/);
    expect(h.journal.count(['done'])).toBe(1);
    expect(h.costs.today()).toEqual([expect.objectContaining({ engine: 'test', runs: 1, costUsd: 0.01 })]);
  });

  it('runs a redelivered event once', async () => {
    const { h, runner } = await harness(() => simpleScript('once'));
    await h.transport.receive('hi', { dedupeKey: 'update-7' });
    await h.transport.receive('hi', { dedupeKey: 'update-7' });
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('once')));
    await new Promise((r) => setTimeout(r, 50));
    expect(runner.requests).toHaveLength(1);
    expect(h.transport.texts().filter((x) => x.startsWith('once'))).toHaveLength(1);
  });

  it('queues messages of one chat in order and says how many are ahead', async () => {
    const first = gate();
    const { h, runner } = await harness((req) =>
      req.prompt === 'one'
        ? [
            { type: 'started', resume: 's' },
            { type: 'wait', until: first.until },
            { type: 'completed', ok: true, answer: 'A1' },
          ]
        : simpleScript(`A-${req.prompt}`),
    );
    await h.transport.receive('one');
    await h.transport.waitFor(() => runner.requests.length === 1);
    await h.transport.receive('two');
    await h.transport.receive('three');
    await h.transport.waitFor((t) => t.texts().some((x) => x.includes('queued (2 ahead)')));
    first.open();
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('A-three')));
    expect(runner.requests.map((r) => r.prompt)).toEqual(['one', 'two', 'three']);
    const answers = h.transport
      .texts()
      .filter((x) => /^A/.test(x))
      .map((x) => x.split('\n')[0]);
    expect(answers).toEqual(['A1', 'A-two', 'A-three']);
  });

  it('runs different chats at the same time', async () => {
    const g = gate();
    const { h, runner } = await harness((req) => [
      { type: 'started', resume: req.session },
      { type: 'wait', until: g.until },
      { type: 'completed', ok: true, answer: `done ${req.session}` },
    ]);
    await h.transport.receive('a', { chat: { transport: 'memory', chat: 'c1' } });
    await h.transport.receive('b', { chat: { transport: 'memory', chat: 'c2' } });
    await h.transport.waitFor(() => runner.requests.length === 2);
    expect(h.runs.active()).toHaveLength(2);
    g.open();
    await h.transport.waitFor((t) => t.texts().filter((x) => x.startsWith('done')).length === 2);
  });

  it('passes the stored resume token to the next run and forgets it on /new', async () => {
    const { h, runner } = await harness(() => simpleScript('ok', 'token-42'));
    await h.transport.receive('first');
    await h.transport.waitFor((t) => t.texts().filter((x) => x.startsWith('ok')).length === 1);
    await h.transport.receive('second');
    await h.transport.waitFor((t) => t.texts().filter((x) => x.startsWith('ok')).length === 2);
    expect(runner.requests[1]?.resume).toBe('token-42');
    await h.transport.receive('/new');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('🆕')));
    await h.transport.receive('third');
    await h.transport.waitFor((t) => t.texts().filter((x) => x.startsWith('ok')).length === 3);
    expect(runner.requests[2]?.resume).toBeUndefined();
  });

  it('cancels the running run on /cancel and says so', async () => {
    const never = gate();
    const { h, runner } = await harness(() => [
      { type: 'started', resume: 's' },
      { type: 'wait', until: never.until },
    ]);
    await h.transport.receive('long');
    await h.transport.waitFor(() => runner.requests.length === 1);
    await h.transport.receive('/cancel');
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('⚠️ cancelled')));
    await vi.waitFor(() => expect(h.runs.active()).toHaveLength(0));
    expect(h.journal.count(['pending', 'running', 'answering'])).toBe(0);
  });

  it('cancels through the progress message button', async () => {
    const never = gate();
    const { h, runner } = await harness(() => [
      { type: 'started', resume: 's' },
      { type: 'wait', until: never.until },
    ]);
    await h.transport.receive('long');
    await h.transport.waitFor(() => runner.requests.length === 1);
    const data = h.transport.messages[0]?.buttons?.[0]?.[0]?.data;
    expect(data).toMatch(/^cancel:\d+$/);
    await h.transport.receive(data!, { kind: 'callback' });
    await h.transport.waitFor((t) => t.texts().some((x) => x.startsWith('⚠️ cancelled')));
  });

  it('answers with a clear error when a runner breaks the engine contract', async () => {
    const { h } = await harness(() => [{ type: 'started', resume: 's' }]);
    await h.transport.receive('hi');
    await h.transport.waitFor((t) => t.texts().some((x) => x.includes('without a "completed" event')));
  });

  it('splits an answer longer than the transport allows', async () => {
    const long = `${'word '.repeat(2000)}`.trim();
    const { h } = await harness(() => simpleScript(long));
    await h.transport.receive('hi');
    await h.transport.waitFor((t) => t.texts().some((x) => x.includes('— test')));
    const parts = h.transport.messages.filter((m) => m.replyTo).map((m) => m.text);
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(4096);
  });
});
