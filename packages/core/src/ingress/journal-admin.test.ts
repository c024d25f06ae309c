import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { container as root } from 'tsyringe';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { InboundEvent } from '../api/messages.js';
import { ManualClock } from '../clock/manual-clock.js';
import { createLogger } from '../logging/logger.js';
import { StateStore } from '../state/state-store.js';
import { CLOCK, INGRESS_JOURNAL, STATE_STORE } from '../tokens.js';
import { IngressJournal } from './ingress-journal.js';
import { DROPPED_REASON, JOURNAL_STATES, JournalAdmin, parseJournalStates } from './journal-admin.js';
import type { JournalState } from './journal-entry.js';

const logger = createLogger({ level: 'silent' });

/** A real state database in a temp dir; `reopen` is the next process looking at the same file. */
function openJournal(dir: string) {
  const clock = new ManualClock();
  const store = StateStore.open(dir, { logger, clock });
  onTestFinished(() => store.close());
  const journal = new IngressJournal(store, clock);
  const admin = new JournalAdmin(journal, store);
  return { dir, clock, store, journal, admin };
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-journal-admin-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function event(text: string): InboundEvent {
  const chat = { transport: 'telegram', chat: '-100123' };
  return {
    transport: 'telegram',
    dedupeKey: randomUUID(),
    kind: 'message',
    chat,
    sender: { id: '7' },
    text,
    messageRef: { chat, id: '55' },
    sentAt: 0,
  };
}

/** Appends an event and walks it to `state` the way the services do (claim counts an attempt). */
async function entryIn(
  j: ReturnType<typeof openJournal>,
  state: JournalState,
  text = 'fix the build',
): Promise<number> {
  const [entry] = await j.journal.append([event(text)]);
  const seq = entry!.seq;
  if (state === 'pending') return seq;
  j.journal.claim(seq);
  if (state === 'dead') {
    j.journal.fail(seq, 'Error: engine crashed', 10);
    j.journal.claim(seq);
    j.journal.setState(seq, 'dead', 'too many attempts');
  } else if (state !== 'running') {
    j.journal.setState(seq, state);
  }
  return seq;
}

async function codeOf(fn: () => unknown): Promise<string | undefined> {
  try {
    await fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  throw new Error('expected a failure');
}

describe('JournalAdmin', () => {
  it('lists dead entries by default, oldest first, up to the limit', async () => {
    const j = openJournal(tempDir());
    const first = await entryIn(j, 'dead', 'first');
    await entryIn(j, 'done');
    await entryIn(j, 'pending');
    const second = await entryIn(j, 'dead', 'second');
    await entryIn(j, 'dead', 'third');

    expect(j.admin.list().map((e) => e.seq)).toEqual([first, second, second + 1]);
    expect(j.admin.list(['dead'], 2).map((e) => e.event.text)).toEqual(['first', 'second']);
    expect(j.admin.list(['pending', 'done'])).toHaveLength(2);
  });

  it('shows one entry with its event and last error', async () => {
    const j = openJournal(tempDir());
    const seq = await entryIn(j, 'dead', 'deploy to staging');

    const entry = j.admin.show(seq);

    expect(entry).toMatchObject({ seq, state: 'dead', attempts: 2, lastError: 'too many attempts' });
    expect(entry.event).toMatchObject({
      text: 'deploy to staging',
      chat: { transport: 'telegram', chat: '-100123' },
    });
  });

  it('refuses an unknown seq with FERRY_JOURNAL_NOT_FOUND', async () => {
    const j = openJournal(tempDir());
    expect(await codeOf(() => j.admin.show(999))).toBe('FERRY_JOURNAL_NOT_FOUND');
    expect(await codeOf(() => j.admin.replay(999))).toBe('FERRY_JOURNAL_NOT_FOUND');
    expect(await codeOf(() => j.admin.drop(999))).toBe('FERRY_JOURNAL_NOT_FOUND');
  });

  it('replays a dead entry: pending again, attempts reset, last error kept, durable', async () => {
    const j = openJournal(tempDir());
    const seq = await entryIn(j, 'dead');
    await j.clock.advance(60_000);

    const replayed = j.admin.replay(seq);

    expect(replayed).toMatchObject({ seq, state: 'pending', attempts: 0, lastError: 'too many attempts' });
    j.store.close();
    const next = openJournal(j.dir);
    expect(next.journal.get(seq)).toMatchObject({ state: 'pending', attempts: 0 });
    // it gets the full number of attempts again: the next claim is attempt 1
    expect(next.journal.claim(seq)).toBe(true);
    expect(next.journal.get(seq)?.attempts).toBe(1);
  });

  it('replays a pending entry left behind by a failed attempt, resetting its attempts', async () => {
    const j = openJournal(tempDir());
    const seq = await entryIn(j, 'pending');
    j.journal.claim(seq);
    j.journal.fail(seq, 'Error: boom', 10);

    expect(j.admin.replay(seq)).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it.each([
    ['done', 'FERRY_JOURNAL_FINAL'],
    ['skipped', 'FERRY_JOURNAL_FINAL'],
    ['running', 'FERRY_JOURNAL_BUSY'],
    ['answering', 'FERRY_JOURNAL_BUSY'],
  ] as const)('refuses to replay a %s entry (%s) and leaves it as it was', async (state, code) => {
    const j = openJournal(tempDir());
    const seq = await entryIn(j, state);
    const before = j.journal.get(seq);

    expect(await codeOf(() => j.admin.replay(seq))).toBe(code);
    expect(j.journal.get(seq)).toEqual(before);
  });

  it('drops a dead entry: done, with the operator named as the reason', async () => {
    const j = openJournal(tempDir());
    const seq = await entryIn(j, 'dead');

    expect(j.admin.drop(seq)).toMatchObject({ state: 'done', lastError: DROPPED_REASON });
    expect(j.admin.list(['dead'])).toEqual([]);
  });

  it('drops a pending entry so that a queued run no longer claims it', async () => {
    const j = openJournal(tempDir());
    const seq = await entryIn(j, 'pending');

    j.admin.drop(seq);

    expect(j.journal.claim(seq)).toBe(false);
  });

  it.each([
    ['done', 'FERRY_JOURNAL_FINAL'],
    ['skipped', 'FERRY_JOURNAL_FINAL'],
    ['running', 'FERRY_JOURNAL_BUSY'],
  ] as const)('refuses to drop a %s entry (%s)', async (state, code) => {
    const j = openJournal(tempDir());
    const seq = await entryIn(j, state);
    expect(await codeOf(() => j.admin.drop(seq))).toBe(code);
    expect(j.journal.get(seq)?.state).toBe(state);
  });

  it('resolves from a container through its tokens (explicit injection)', async () => {
    const j = openJournal(tempDir());
    const c = root.createChildContainer();
    c.register(CLOCK, { useValue: j.clock });
    c.register(STATE_STORE, { useValue: j.store });
    c.register(INGRESS_JOURNAL, { useValue: j.journal });
    const seq = await entryIn(j, 'dead');

    expect(c.resolve(JournalAdmin).replay(seq).state).toBe('pending');
  });
});

describe('parseJournalStates', () => {
  it('takes one state, a comma list, or all', () => {
    expect(parseJournalStates('dead')).toEqual(['dead']);
    expect(parseJournalStates('dead, pending,dead')).toEqual(['dead', 'pending']);
    expect(parseJournalStates('all')).toEqual([...JOURNAL_STATES]);
  });

  it('refuses an unknown state with FERRY_JOURNAL_UNKNOWN_STATE', async () => {
    expect(await codeOf(() => parseJournalStates('deadd'))).toBe('FERRY_JOURNAL_UNKNOWN_STATE');
    expect(await codeOf(() => parseJournalStates(' , '))).toBe('FERRY_JOURNAL_UNKNOWN_STATE');
  });
});
