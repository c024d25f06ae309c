import { inject, injectable } from 'tsyringe';
import { FerryError } from '../errors/ferry-error.js';
import type { StateStore } from '../state/state-store.js';
import { INGRESS_JOURNAL, STATE_STORE } from '../tokens.js';
import type { IngressJournal } from './ingress-journal.js';
import type { JournalEntry, JournalState } from './journal-entry.js';

/** Every state, in the order an entry passes through them; `ferry journal list --state` takes these. */
export const JOURNAL_STATES = ['pending', 'running', 'answering', 'done', 'skipped', 'dead'] as const;

// Fails to compile when journal-entry.ts gains a state this list does not name.
const everyStateListed: [Exclude<JournalState, (typeof JOURNAL_STATES)[number]>] extends [never]
  ? true
  : never = true;
void everyStateListed;

export const DROPPED_REASON = 'dropped by operator';
/** Most entries one `list` returns: the answer travels as one line over the status socket. */
export const MAX_LIST_LIMIT = 1000;

/** No journal entry has that seq (never had, or pruned after its retention). */
export class JournalEntryNotFoundError extends FerryError {
  readonly code = 'FERRY_JOURNAL_NOT_FOUND';
  constructor(readonly seq: number) {
    super(`no journal entry #${seq}; \`ferry journal list --state all\` shows the entries that exist`);
  }
}

/** The entry is finished (done or skipped): replaying it would run a message twice. */
export class JournalEntryFinalError extends FerryError {
  readonly code = 'FERRY_JOURNAL_FINAL';
  constructor(
    readonly seq: number,
    readonly state: JournalState,
    action: 'replay' | 'drop',
  ) {
    super(
      `journal entry #${seq} is ${state}, so there is nothing to ${action}; ` +
        (action === 'replay' ? 'ask the user in the chat to send the message again' : 'it needs no action'),
    );
  }
}

/** The entry is being processed right now; touching it could run it twice or lose its answer. */
export class JournalEntryBusyError extends FerryError {
  readonly code = 'FERRY_JOURNAL_BUSY';
  constructor(
    readonly seq: number,
    readonly state: JournalState,
  ) {
    super(
      `journal entry #${seq} is ${state} (being processed now); wait for it to finish, ` +
        'or cancel its run with /cancel in the chat',
    );
  }
}

/** A state name that the journal does not have. */
export class JournalStateUnknownError extends FerryError {
  readonly code = 'FERRY_JOURNAL_UNKNOWN_STATE';
  constructor(readonly state: string) {
    super(`"${state}" is not a journal state; use one of ${JOURNAL_STATES.join(', ')} or all`);
  }
}

/** Parses `dead`, `dead,pending` or `all` into states; throws JournalStateUnknownError otherwise. */
export function parseJournalStates(text: string): JournalState[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new JournalStateUnknownError(text);
  if (names.includes('all')) return [...JOURNAL_STATES];
  for (const name of names) {
    if (!(JOURNAL_STATES as readonly string[]).includes(name)) throw new JournalStateUnknownError(name);
  }
  return [...new Set(names)] as JournalState[];
}

const BUSY: readonly JournalState[] = ['running', 'answering'];
const FINISHED: readonly JournalState[] = ['done', 'skipped'];

/**
 * The operator's side of the ingress journal: look at entries, send a dead letter round again,
 * or give up on it. Each change re-reads the entry inside a write transaction, so a daemon
 * working on the same database (or the same entry) in between cannot be overruled.
 */
@injectable()
export class JournalAdmin {
  constructor(
    @inject(INGRESS_JOURNAL) private readonly journal: IngressJournal,
    @inject(STATE_STORE) private readonly store: StateStore,
  ) {}

  /** Entries in `states`, oldest first. */
  list(states: readonly JournalState[] = ['dead'], limit = 50): JournalEntry[] {
    const bounded = Math.min(Math.max(1, Math.floor(limit)), MAX_LIST_LIMIT);
    return this.journal.list(states, bounded);
  }

  show(seq: number): JournalEntry {
    const entry = this.journal.get(seq);
    if (entry === undefined) throw new JournalEntryNotFoundError(seq);
    return entry;
  }

  /**
   * Back to `pending` with the attempt count reset, so the entry gets the full number of
   * attempts again before it can go dead. Accepts `dead` and `pending` (a pending entry
   * released after a failure waits for the next start otherwise). The caller dispatches it.
   */
  replay(seq: number): JournalEntry {
    return this.store.transaction(() => {
      const entry = this.show(seq);
      this.#refuse(entry, 'replay');
      this.journal.requeue(seq);
      return this.show(seq);
    });
  }

  /** Marks a `dead` or `pending` entry done, with the reason recorded as its last error. */
  drop(seq: number): JournalEntry {
    return this.store.transaction(() => {
      const entry = this.show(seq);
      this.#refuse(entry, 'drop');
      this.journal.setState(seq, 'done', DROPPED_REASON);
      return this.show(seq);
    });
  }

  #refuse(entry: JournalEntry, action: 'replay' | 'drop'): void {
    if (BUSY.includes(entry.state)) throw new JournalEntryBusyError(entry.seq, entry.state);
    if (FINISHED.includes(entry.state)) throw new JournalEntryFinalError(entry.seq, entry.state, action);
  }
}
