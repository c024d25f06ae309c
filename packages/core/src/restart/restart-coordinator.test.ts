import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import { ManualClock } from '../clock/manual-clock.js';
import { MemoryTransport } from '../testing/memory-transport.js';
import { ScriptedRunner, type ScriptStep, simpleScript } from '../testing/scripted-runner.js';

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.destroy();
});

function gate() {
  let release!: () => void;
  const until = new Promise<void>((r) => {
    release = r;
  });
  return { until, release };
}

async function gen(
  script: (prompt: string) => readonly ScriptStep[],
  options: { dir?: string; transport?: MemoryTransport; restart?: Record<string, unknown> } = {},
) {
  const clock = new ManualClock();
  const runner = new ScriptedRunner((req) => script(req.prompt));
  const { restart, ...rest } = options;
  const h = await buildHarness({
    clock,
    engines: { test: runner },
    config: { restart: { drain_timeout_s: 60, ...restart } },
    ...rest,
  });
  open.push(h);
  await h.startup();
  return { h, runner, clock };
}

describe('RestartCoordinator', () => {
  it('waits for a running run to finish, tells the chat, and interrupts nothing', async () => {
    const g = gate();
    const { h, runner } = await gen(() => [
      { type: 'started', resume: 's' },
      { type: 'wait', until: g.until },
      ...simpleScript('finished').slice(1),
    ]);
    await h.transport.receive('work');
    await h.transport.waitFor(() => runner.requests.length === 1);
    const drained = h.coordinator.request({ reason: 'SIGTERM' });
    await h.transport.waitFor((t) =>
      t.texts().some((x) => x.startsWith('🔄 restarting — waiting up to 60 s')),
    );
    expect(h.coordinator.state).toBe('draining');
    expect(h.notifier.sent[0]).toMatchObject({ STOPPING: '1' });
    g.release();
    const outcome = await drained;
    expect(outcome).toMatchObject({ waited: 1, interrupted: 0 });
    expect(h.transport.texts().some((x) => x.startsWith('finished'))).toBe(true);
    expect(h.transport.texts().some((x) => x.includes('interrupted'))).toBe(false);
  });

  it('does not wait for a run that waits on a person: it is parked at once, for /continue', async () => {
    const never = gate();
    const { h, runner } = await gen(() => [
      { type: 'started', resume: 'tok' },
      {
        type: 'approval',
        request: { id: 'r1', kind: 'tool', tool: 'Bash', summary: '$ rm -rf build', options: [] },
      },
      { type: 'wait', until: never.until },
    ]);
    await h.transport.receive('clean up');
    await h.transport.waitFor(() => runner.requests.length === 1);
    await h.transport.waitFor((t) => t.texts().some((x) => x.includes('rm -rf build')));
    // no clock advance: the drain must end without waiting out its 60 s deadline
    expect(await h.coordinator.request({ reason: 'SIGTERM' })).toMatchObject({ interrupted: 1 });
    expect(h.ledger.unfinished()).toEqual([expect.objectContaining({ state: 'interrupted', resume: 'tok' })]);
  });

  it('interrupts runs at the deadline, says so, and leaves them for /continue', async () => {
    const never = gate();
    const { h, runner, clock } = await gen(() => [
      { type: 'started', resume: 'tok' },
      { type: 'wait', until: never.until },
    ]);
    await h.transport.receive('endless');
    await h.transport.waitFor(() => runner.requests.length === 1);
    const drained = h.coordinator.request({ reason: 'SIGTERM' });
    // parked on the clock: the progress tick, the drain deadline, the countdown and the outbox retry
    await vi.waitFor(() => expect(clock.pending).toBe(4));
    await clock.advance(30_000);
    await h.transport.waitFor((t) => t.texts().some((x) => x.includes('waiting up to 30 s')));
    await clock.advance(30_000);
    expect(await drained).toMatchObject({ interrupted: 1 });
    expect(h.transport.texts().some((x) => /1 run\(s\) interrupted.*\/continue/.test(x))).toBe(true);
    expect(h.ledger.unfinished()).toEqual([expect.objectContaining({ state: 'interrupted', resume: 'tok' })]);
    expect(h.journal.count(['running'])).toBe(1);
  });

  it('does not wait for the run that asked for the restart', async () => {
    const never = gate();
    const { h, runner } = await gen(() => [
      { type: 'started', resume: 'tok' },
      { type: 'wait', until: never.until },
    ]);
    await h.transport.receive('endless');
    await h.transport.waitFor(() => runner.requests.length === 1);
    await h.transport.receive('/restart');
    const outcome = await vi.waitFor(() => {
      const p = h.coordinator.requested;
      if (!p) throw new Error('not yet');
      return p;
    });
    expect(outcome).toMatchObject({ reason: '/restart', interrupted: 1 });
  });

  it('answers messages that arrive while draining once and runs them after the restart', async () => {
    const g = gate();
    const transport = new MemoryTransport();
    const first = await gen(
      (p) =>
        p === 'busy'
          ? [
              { type: 'started', resume: 's' },
              { type: 'wait', until: g.until },
              { type: 'completed', ok: true, answer: 'busy done' },
            ]
          : simpleScript(`late ${p}`),
      { transport },
    );
    await transport.receive('busy');
    await transport.waitFor(() => first.runner.requests.length === 1);
    const drained = first.h.coordinator.request({ reason: 'SIGTERM' });
    await transport.receive('while draining', { dedupeKey: 'k1' });
    await transport.receive('while draining', { dedupeKey: 'k1' });
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('🔄 restarting — I’ll pick this up')));
    g.release();
    await drained;
    expect(transport.texts().filter((x) => x.includes('I’ll pick this up'))).toHaveLength(1);
    expect(first.runner.requests).toHaveLength(1);
    open.splice(open.indexOf(first.h), 1);
    first.h.close();

    const second = await gen((p) => simpleScript(`late ${p}`), { dir: first.h.dir, transport });
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('late while draining')));
    expect(second.runner.requests).toHaveLength(1);
  });

  it('stops waiting early for runs that have gone silent (stuck)', async () => {
    const never = gate();
    const { h, runner, clock } = await gen(
      (p) =>
        p === 'stuck'
          ? [
              { type: 'started', resume: 'a' },
              { type: 'wait', until: never.until },
            ]
          : [
              { type: 'started', resume: 'b' },
              { type: 'wait', until: never.until },
            ],
      { restart: { drain_timeout_s: 600, stuck_after_s: 20 } },
    );
    await h.transport.receive('stuck', { chat: { transport: 'memory', chat: 'c1' } });
    await h.transport.receive('busy', { chat: { transport: 'memory', chat: 'c2' } });
    await h.transport.waitFor(() => runner.requests.length === 2);
    const drained = h.coordinator.request({ reason: 'SIGTERM' });
    await vi.waitFor(() => expect(clock.pending).toBeGreaterThanOrEqual(4));
    await clock.advance(25_000);
    await vi.waitFor(() => expect(h.runs.active()).toHaveLength(0));
    const outcome = await drained;
    // both were silent past 20 s: neither held the restart for the full 600 s
    expect(outcome.interrupted).toBe(2);
    expect(clock.now() - Date.UTC(2026, 0, 1)).toBeLessThan(600_000);
  });

  it('joins a second restart request to the first', async () => {
    const { h } = await gen(() => simpleScript('x'));
    const a = h.coordinator.request({ reason: 'one' });
    const b = h.coordinator.request({ reason: 'two' });
    expect(a).toBe(b);
    expect((await a).reason).toBe('one');
  });
});
