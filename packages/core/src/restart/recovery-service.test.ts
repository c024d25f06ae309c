import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildHarness, type Harness } from '../__fixtures__/service-harness.js';
import { MemoryTransport } from '../testing/memory-transport.js';
import { ScriptedRunner, type ScriptStep, simpleScript } from '../testing/scripted-runner.js';
import { RESENT_MARKER } from './recovery-service.js';

const open: Harness[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.destroy();
});

const never = new Promise<void>(() => {});

/** A generation over `dir` (or a new dir); the transport plays the platform and outlives generations. */
async function generation(
  transport: MemoryTransport,
  script: (prompt: string) => readonly ScriptStep[],
  options: { dir?: string; config?: Record<string, unknown> } = {},
) {
  const runner = new ScriptedRunner((req) => script(req.prompt));
  const h = await buildHarness({ transport, engines: { test: runner }, ...options });
  open.push(h);
  return { h, runner };
}

/** A crash: the generation stops existing, nothing is flushed or told. */
function crash(h: Harness) {
  open.splice(open.indexOf(h), 1);
  h.close();
}

describe('RecoveryService', () => {
  it('reports a run cut by a crash and resumes it with its token on /continue', async () => {
    const transport = new MemoryTransport();
    const g1 = await generation(transport, () => [
      { type: 'started', resume: 'tok-9' },
      { type: 'action', action: { id: 'a', kind: 'command', title: '$ make' }, phase: 'started' },
      { type: 'wait', until: never },
    ]);
    await g1.h.startup();
    await transport.receive('build it');
    await transport.waitFor(
      () => g1.runner.requests.length === 1 && g1.h.ledger.unfinished()[0]?.resume === 'tok-9',
    );
    crash(g1.h);

    const g2 = await generation(transport, () => simpleScript('resumed fine'), { dir: g1.h.dir });
    const report = await g2.h.startup();
    expect(report.interrupted).toBe(1);
    expect(transport.messages[0]?.text).toMatch(/⚠️ interrupted by a crash/);
    expect(transport.texts().some((t) => t.includes('/continue'))).toBe(true);
    expect(g2.h.journal.count(['pending', 'running'])).toBe(0);

    await transport.receive('/continue');
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('resumed fine')));
    expect(g2.runner.requests[0]?.resume).toBe('tok-9');
    expect(g2.runner.requests[0]?.prompt).toMatch(
      /interrupted by a restart after 0 step\(s\)[\s\S]*Continue the interrupted task/,
    );
  });

  it('resumes by itself with restart.auto_resume', async () => {
    const transport = new MemoryTransport();
    const g1 = await generation(transport, () => [
      { type: 'started', resume: 'tok-1' },
      { type: 'wait', until: never },
    ]);
    await g1.h.startup();
    await transport.receive('go');
    await transport.waitFor(() => g1.h.ledger.unfinished()[0]?.resume === 'tok-1');
    crash(g1.h);

    const g2 = await generation(transport, () => simpleScript('carried on'), {
      dir: g1.h.dir,
      config: { restart: { auto_resume: true } },
    });
    const report = await g2.h.startup();
    expect(report.autoResumed).toBe(1);
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('carried on')));
    expect(g2.runner.requests[0]?.resume).toBe('tok-1');
  });

  it('stops auto-resuming a run that keeps being interrupted', async () => {
    const transport = new MemoryTransport();
    let dir: string | undefined;
    for (let i = 0; i < 3; i++) {
      const g = await generation(
        transport,
        () => [
          { type: 'started', resume: 'tok' },
          { type: 'wait', until: never },
        ],
        {
          ...(dir ? { dir } : {}),
          config: { restart: { auto_resume: true, auto_resume_max_attempts: 2 } },
        },
      );
      dir = g.h.dir;
      await g.h.startup();
      if (i === 0) await transport.receive('loop');
      await transport.waitFor(() => g.runner.requests.length === 1 || i === 2);
      if (i === 2) {
        expect(g.runner.requests).toHaveLength(0);
        expect(transport.texts().at(-1)).toMatch(/\/continue/);
      }
      crash(g.h);
    }
  });

  it('re-sends an answer whose delivery a crash cut, marked as re-sent, once', async () => {
    const transport = new MemoryTransport();
    const g1 = await generation(transport, () => simpleScript('precious answer'));
    await g1.h.startup();
    const realSend = transport.send.bind(transport);
    transport.send = async (to, msg) => {
      if (msg.text.startsWith('precious')) throw new Error('network down');
      return realSend(to, msg);
    };
    await transport.receive('q');
    await vi.waitFor(() => expect(g1.h.outbox.pending()).toHaveLength(1));
    crash(g1.h);
    transport.send = realSend;

    const g2 = await generation(transport, () => simpleScript('unused'), { dir: g1.h.dir });
    expect((await g2.h.startup()).resent).toBe(1);
    const answers = transport.texts().filter((t) => t.startsWith('precious answer'));
    expect(answers).toHaveLength(1);
    expect(answers[0]).toContain(RESENT_MARKER);
    expect(g2.h.journal.count(['done'])).toBe(1);
    expect(g2.runner.requests).toHaveLength(0);
  });

  it('runs messages that were journaled but not started after the restart', async () => {
    const transport = new MemoryTransport();
    const g1 = await generation(transport, (p) =>
      p === 'first'
        ? [
            { type: 'started', resume: 'x' },
            { type: 'wait', until: never },
          ]
        : simpleScript(p),
    );
    await g1.h.startup();
    await transport.receive('first');
    await transport.waitFor(() => g1.runner.requests.length === 1);
    await transport.receive('second');
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('⏳ queued (1 ahead)')));
    crash(g1.h);

    const g2 = await generation(transport, (p) => simpleScript(`answer to ${p}`), { dir: g1.h.dir });
    await g2.h.startup();
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('answer to second')));
    expect(g2.runner.requests.map((r) => r.prompt)).toEqual(['second']);
    // the old "queued" notice became the progress message instead of being left stale
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('✓ done')));
    expect(transport.texts().filter((x) => x.startsWith('⏳'))).toEqual([]);
  });

  it('moves an entry that keeps failing to the dead letters instead of looping', async () => {
    const transport = new MemoryTransport();
    const g1 = await generation(transport, () => simpleScript('x'), {
      config: { ingress: { max_attempts: 1 } },
    });
    await transport.receive('poison');
    const [entry] = g1.h.journal.list(['pending']);
    expect(g1.h.journal.claim(entry!.seq)).toBe(true); // started once, then the process died
    crash(g1.h);

    const g2 = await generation(transport, () => simpleScript('x'), {
      dir: g1.h.dir,
      config: { ingress: { max_attempts: 1 } },
    });
    const report = await g2.h.startup();
    expect(report.dead).toBe(1);
    expect(g2.h.journal.count(['dead'])).toBe(1);
    expect(transport.texts().at(-1)).toMatch(/could not process this message/);
    expect(g2.runner.requests).toHaveLength(0);
  });
});

describe('RecoveryService and commands', () => {
  it('does not run a command cut by a crash again, and says so', async () => {
    const transport = new MemoryTransport();
    const g1 = await generation(transport, () => simpleScript('x'));
    await transport.receive('/restart');
    const [entry] = g1.h.journal.list(['pending']);
    expect(g1.h.journal.claim(entry!.seq)).toBe(true);
    crash(g1.h);

    const g2 = await generation(transport, () => simpleScript('x'), { dir: g1.h.dir });
    await g2.h.startup();
    expect(g2.h.coordinator.requested).toBeUndefined();
    expect(g2.h.journal.count(['done'])).toBe(1);
    expect(transport.texts().at(-1)).toMatch(/\/restart was interrupted by a restart; send it again/);
  });
});
