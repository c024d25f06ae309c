import { formatChatAddress } from '../api/chat-address.js';
import type { InboundEvent } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import { DaemonBadRequestError } from '../supervisor/daemon-errors.js';
import type { StatusServer } from '../supervisor/status-server.js';
import type { Dispatcher } from './dispatcher.js';
import type { IngressJournal } from './ingress-journal.js';
import { JournalAdmin, parseJournalStates } from './journal-admin.js';
import type { JournalEntry, JournalState } from './journal-entry.js';

/** Longest message text in a list answer; `show` has the whole event. */
const SUMMARY_TEXT_CHARS = 200;

/** One entry as `journal.list` answers it and `ferry journal list --json` prints it. */
export interface JournalEntrySummary {
  readonly seq: number;
  readonly state: JournalState;
  readonly attempts: number;
  /** Epoch ms when the event was journaled. */
  readonly received_at: number;
  readonly chat: string;
  readonly session: string;
  readonly kind: InboundEvent['kind'];
  readonly text: string;
  readonly last_error: string | null;
}

/** `journal.show`: the summary with the whole event as it was journaled. */
export interface JournalEntryDetail extends JournalEntrySummary {
  readonly event: InboundEvent;
}

export interface JournalListResult {
  readonly entries: readonly JournalEntrySummary[];
}

export interface JournalChangeResult {
  readonly entry: JournalEntrySummary;
  /** True when a running daemon handed a replayed entry to its dispatcher (it runs now). */
  readonly dispatched: boolean;
}

export function summariseEntry(entry: JournalEntry): JournalEntrySummary {
  return {
    seq: entry.seq,
    state: entry.state,
    attempts: entry.attempts,
    received_at: entry.receivedAt,
    chat: formatChatAddress(entry.event.chat),
    session: entry.session,
    kind: entry.event.kind,
    text: entry.event.text.slice(0, SUMMARY_TEXT_CHARS),
    last_error: entry.lastError ?? null,
  };
}

export function detailEntry(entry: JournalEntry): JournalEntryDetail {
  return { ...summariseEntry(entry), text: entry.event.text, event: entry.event };
}

export interface JournalOpsDeps {
  readonly journal: IngressJournal;
  readonly dispatcher: Pick<Dispatcher, 'dispatch'>;
  /** Replay resets the attempt count, a write the journal itself does not offer. */
  readonly store: StateStore;
  readonly clock: Clock;
}

/**
 * Registers `journal.list`, `journal.show`, `journal.replay` and `journal.drop` on the daemon's
 * status socket, for `ferry journal`. Replay hands the entry to this daemon's dispatcher, so it
 * runs now rather than at the next start.
 */
export function registerJournalOps(server: StatusServer, deps: JournalOpsDeps): JournalAdmin {
  const admin = new JournalAdmin(deps.journal, deps.store);
  server
    .handle('journal.list', (args): JournalListResult => {
      const states = parseJournalStates(optionalString(args, 'states') ?? 'dead');
      const limit = optionalInteger(args, 'limit');
      return { entries: admin.list(states, limit).map(summariseEntry) };
    })
    .handle(
      'journal.show',
      (args): JournalEntryDetail => detailEntry(admin.show(seqOf(args, 'journal.show'))),
    )
    .handle('journal.replay', (args): JournalChangeResult => {
      const entry = admin.replay(seqOf(args, 'journal.replay'));
      deps.dispatcher.dispatch([entry]);
      return { entry: summariseEntry(entry), dispatched: true };
    })
    .handle(
      'journal.drop',
      (args): JournalChangeResult => ({
        entry: summariseEntry(admin.drop(seqOf(args, 'journal.drop'))),
        dispatched: false,
      }),
    );
  return admin;
}

function seqOf(args: Readonly<Record<string, unknown>>, op: string): number {
  const seq = args.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
    throw new DaemonBadRequestError(`"${op}" needs "seq", a positive integer (got ${JSON.stringify(seq)})`);
  }
  return seq;
}

function optionalString(args: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const value = args[key];
  if (value === undefined || typeof value === 'string') return value;
  throw new DaemonBadRequestError(`"${key}" must be a string (got ${JSON.stringify(value)})`);
}

function optionalInteger(args: Readonly<Record<string, unknown>>, key: string): number | undefined {
  const value = args[key];
  if (value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value > 0))
    return value;
  throw new DaemonBadRequestError(`"${key}" must be a positive integer (got ${JSON.stringify(value)})`);
}
