import { randomUUID } from 'node:crypto';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildHarness } from '../__fixtures__/service-harness.js';
import { createLogger } from '../logging/logger.js';
import { requestDaemon } from '../supervisor/status-client.js';
import { StatusServer } from '../supervisor/status-server.js';
import { MemoryTransport } from '../testing/memory-transport.js';
import { ScriptedRunner, simpleScript } from '../testing/scripted-runner.js';
import { DROPPED_REASON } from './journal-admin.js';
import type { JournalState } from './journal-entry.js';
import {
  type JournalChangeResult,
  type JournalEntryDetail,
  type JournalListResult,
  registerJournalOps,
} from './journal-ops.js';

/**
 * A running generation of the core services with the journal ops on a real status socket in its
 * state dir, reached the way the CLI reaches it: `requestDaemon` over the unix socket.
 */
async function daemon() {
  const transport = new MemoryTransport();
  const runner = new ScriptedRunner((req) => simpleScript(`did: ${req.prompt}`));
  const h = await buildHarness({ transport, engines: { test: runner } });
  onTestFinished(() => h.destroy());
  await h.startup();
  const server = new StatusServer({ stateDir: h.dir, logger: createLogger({ level: 'silent' }) });
  registerJournalOps(server, {
    journal: h.journal,
    dispatcher: h.dispatcher,
    store: h.store,
    clock: h.clock,
  });
  await server.listen();
  onTestFinished(() => server.close());
  const op = <T>(name: string, args: Record<string, unknown> = {}) =>
    requestDaemon(h.dir, name, args) as Promise<T>;

  /** An entry journaled behind the dispatcher's back and walked to `state`, as recovery leaves it. */
  const entryIn = async (state: JournalState, text: string): Promise<number> => {
    const chat = { transport: transport.id, chat: 'c1' };
    const [entry] = await h.journal.append([
      {
        transport: transport.id,
        dedupeKey: randomUUID(),
        kind: 'message',
        chat,
        sender: { id: 'u1' },
        text,
        messageRef: { chat, id: 'm1' },
        sentAt: Date.now(),
      },
    ]);
    const seq = entry!.seq;
    if (state === 'pending') return seq;
    h.journal.claim(seq);
    h.journal.setState(seq, state, state === 'dead' ? 'too many attempts' : undefined);
    return seq;
  };
  return { h, transport, runner, op, entryIn };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    return (err as { code?: string }).code;
  }
  throw new Error('expected a failure');
}

describe('journal ops on the status socket', () => {
  it('journal.list answers the dead letters by default, and any states when asked', async () => {
    const d = await daemon();
    const dead = await d.entryIn('dead', 'deploy the thing');
    await d.entryIn('done', 'old news');

    const { entries } = await d.op<JournalListResult>('journal.list');
    const all = await d.op<JournalListResult>('journal.list', { states: 'all', limit: 10 });

    expect(entries).toEqual([
      expect.objectContaining({
        seq: dead,
        state: 'dead',
        attempts: 1,
        chat: 'memory:c1',
        text: 'deploy the thing',
        last_error: 'too many attempts',
      }),
    ]);
    expect(all.entries.map((e) => e.state)).toEqual(['dead', 'done']);
  });

  it('journal.show answers the whole event; an unknown seq fails with its own code', async () => {
    const d = await daemon();
    const seq = await d.entryIn('dead', 'deploy the thing');

    const detail = await d.op<JournalEntryDetail>('journal.show', { seq });

    expect(detail).toMatchObject({ seq, state: 'dead', last_error: 'too many attempts' });
    expect(detail.event).toMatchObject({
      text: 'deploy the thing',
      chat: { transport: 'memory', chat: 'c1' },
    });
    expect(await codeOf(d.op('journal.show', { seq: seq + 100 }))).toBe('FERRY_JOURNAL_NOT_FOUND');
  });

  it('journal.replay sets a dead entry pending and the running daemon runs it now', async () => {
    const d = await daemon();
    const seq = await d.entryIn('dead', 'deploy the thing');

    const result = await d.op<JournalChangeResult>('journal.replay', { seq });

    expect(result).toMatchObject({ dispatched: true, entry: { seq, state: 'pending', attempts: 0 } });
    await d.transport.waitFor((t) => t.texts().some((x) => x.startsWith('did: deploy the thing')));
    expect(d.runner.requests.map((r) => r.prompt)).toEqual(['deploy the thing']);
    await waitUntil(() => d.h.journal.get(seq)?.state === 'done');
    expect(d.h.journal.get(seq)?.attempts).toBe(1);
  });

  it('journal.replay refuses a done entry and runs nothing', async () => {
    const d = await daemon();
    const seq = await d.entryIn('done', 'already answered');

    expect(await codeOf(d.op('journal.replay', { seq }))).toBe('FERRY_JOURNAL_FINAL');
    expect(await codeOf(d.op('journal.replay', { seq: 4242 }))).toBe('FERRY_JOURNAL_NOT_FOUND');
    expect(d.runner.requests).toEqual([]);
    expect(d.h.journal.get(seq)?.state).toBe('done');
  });

  it('journal.drop marks a dead entry done, dropped by the operator, and runs nothing', async () => {
    const d = await daemon();
    const seq = await d.entryIn('dead', 'never mind');

    const result = await d.op<JournalChangeResult>('journal.drop', { seq });

    expect(result.entry).toMatchObject({ seq, state: 'done', last_error: DROPPED_REASON });
    expect(d.h.journal.count(['dead'])).toBe(0);
    expect(await codeOf(d.op('journal.drop', { seq }))).toBe('FERRY_JOURNAL_FINAL');
    expect(d.runner.requests).toEqual([]);
  });

  it('answers malformed arguments with FERRY_DAEMON_BAD_REQUEST or FERRY_JOURNAL_UNKNOWN_STATE', async () => {
    const d = await daemon();

    expect(await codeOf(d.op('journal.show'))).toBe('FERRY_DAEMON_BAD_REQUEST');
    expect(await codeOf(d.op('journal.replay', { seq: '3' }))).toBe('FERRY_DAEMON_BAD_REQUEST');
    expect(await codeOf(d.op('journal.list', { limit: -1 }))).toBe('FERRY_DAEMON_BAD_REQUEST');
    expect(await codeOf(d.op('journal.list', { states: 'deadd' }))).toBe('FERRY_JOURNAL_UNKNOWN_STATE');
  });
});

/** Polls a condition the services reach on their own (the run's last journal write). */
async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
