var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { inject, injectable } from 'tsyringe';
import { FerryError } from '../errors/ferry-error.js';
import { CLOCK, INGRESS_JOURNAL, STATE_STORE } from '../tokens.js';
/** Every state, in the order an entry passes through them; `ferry journal list --state` takes these. */
export const JOURNAL_STATES = ['pending', 'running', 'answering', 'done', 'skipped', 'dead'];
// Fails to compile when journal-entry.ts gains a state this list does not name.
const everyStateListed = true;
void everyStateListed;
export const DROPPED_REASON = 'dropped by operator';
/** Most entries one `list` returns: the answer travels as one line over the status socket. */
export const MAX_LIST_LIMIT = 1000;
/** No journal entry has that seq (never had, or pruned after its retention). */
export class JournalEntryNotFoundError extends FerryError {
    seq;
    code = 'FERRY_JOURNAL_NOT_FOUND';
    constructor(seq) {
        super(`no journal entry #${seq}; \`ferry journal list --state all\` shows the entries that exist`);
        this.seq = seq;
    }
}
/** The entry is finished (done or skipped): replaying it would run a message twice. */
export class JournalEntryFinalError extends FerryError {
    seq;
    state;
    code = 'FERRY_JOURNAL_FINAL';
    constructor(seq, state, action) {
        super(`journal entry #${seq} is ${state}, so there is nothing to ${action}; ` +
            (action === 'replay' ? 'ask the user in the chat to send the message again' : 'it needs no action'));
        this.seq = seq;
        this.state = state;
    }
}
/** The entry is being processed right now; touching it could run it twice or lose its answer. */
export class JournalEntryBusyError extends FerryError {
    seq;
    state;
    code = 'FERRY_JOURNAL_BUSY';
    constructor(seq, state) {
        super(`journal entry #${seq} is ${state} (being processed now); wait for it to finish, ` +
            'or cancel its run with /cancel in the chat');
        this.seq = seq;
        this.state = state;
    }
}
/** A state name that the journal does not have. */
export class JournalStateUnknownError extends FerryError {
    state;
    code = 'FERRY_JOURNAL_UNKNOWN_STATE';
    constructor(state) {
        super(`"${state}" is not a journal state; use one of ${JOURNAL_STATES.join(', ')} or all`);
        this.state = state;
    }
}
/** Parses `dead`, `dead,pending` or `all` into states; throws JournalStateUnknownError otherwise. */
export function parseJournalStates(text) {
    const names = text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
    if (names.length === 0)
        throw new JournalStateUnknownError(text);
    if (names.includes('all'))
        return [...JOURNAL_STATES];
    for (const name of names) {
        if (!JOURNAL_STATES.includes(name))
            throw new JournalStateUnknownError(name);
    }
    return [...new Set(names)];
}
const BUSY = ['running', 'answering'];
const FINISHED = ['done', 'skipped'];
/**
 * The operator's side of the ingress journal: look at entries, send a dead letter round again,
 * or give up on it. Each change re-reads the entry inside a write transaction, so a daemon
 * working on the same database (or the same entry) in between cannot be overruled.
 */
let JournalAdmin = class JournalAdmin {
    journal;
    store;
    clock;
    constructor(journal, store, clock) {
        this.journal = journal;
        this.store = store;
        this.clock = clock;
    }
    /** Entries in `states`, oldest first. */
    list(states = ['dead'], limit = 50) {
        const bounded = Math.min(Math.max(1, Math.floor(limit)), MAX_LIST_LIMIT);
        return this.journal.list(states, bounded);
    }
    show(seq) {
        const entry = this.journal.get(seq);
        if (entry === undefined)
            throw new JournalEntryNotFoundError(seq);
        return entry;
    }
    /**
     * Back to `pending` with the attempt count reset, so the entry gets the full number of
     * attempts again before it can go dead. Accepts `dead` and `pending` (a pending entry
     * released after a failure waits for the next start otherwise). The caller dispatches it.
     */
    replay(seq) {
        return this.store.transaction(() => {
            const entry = this.show(seq);
            this.#refuse(entry, 'replay');
            // The journal has no "reset attempts" write; this is the only other writer of its table.
            this.store
                .statement("UPDATE ingress SET state = 'pending', attempts = 0, updated_at = ? WHERE seq = ?")
                .run(this.clock.now(), seq);
            return this.show(seq);
        });
    }
    /** Marks a `dead` or `pending` entry done, with the reason recorded as its last error. */
    drop(seq) {
        return this.store.transaction(() => {
            const entry = this.show(seq);
            this.#refuse(entry, 'drop');
            this.journal.setState(seq, 'done', DROPPED_REASON);
            return this.show(seq);
        });
    }
    #refuse(entry, action) {
        if (BUSY.includes(entry.state))
            throw new JournalEntryBusyError(entry.seq, entry.state);
        if (FINISHED.includes(entry.state))
            throw new JournalEntryFinalError(entry.seq, entry.state, action);
    }
};
JournalAdmin = __decorate([
    injectable(),
    __param(0, inject(INGRESS_JOURNAL)),
    __param(1, inject(STATE_STORE)),
    __param(2, inject(CLOCK)),
    __metadata("design:paramtypes", [Function, Function, Object])
], JournalAdmin);
export { JournalAdmin };
//# sourceMappingURL=journal-admin.js.map