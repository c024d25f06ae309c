import { formatChatAddress } from '../api/chat-address.js';
import { DaemonBadRequestError } from '../supervisor/daemon-errors.js';
import { JournalAdmin, parseJournalStates } from './journal-admin.js';
/** Longest message text in a list answer; `show` has the whole event. */
const SUMMARY_TEXT_CHARS = 200;
export function summariseEntry(entry) {
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
export function detailEntry(entry) {
    return { ...summariseEntry(entry), text: entry.event.text, event: entry.event };
}
/**
 * Registers `journal.list`, `journal.show`, `journal.replay` and `journal.drop` on the daemon's
 * status socket, for `ferry journal`. Replay hands the entry to this daemon's dispatcher, so it
 * runs now rather than at the next start.
 */
export function registerJournalOps(server, deps) {
    const admin = new JournalAdmin(deps.journal, deps.store, deps.clock);
    server
        .handle('journal.list', (args) => {
        const states = parseJournalStates(optionalString(args, 'states') ?? 'dead');
        const limit = optionalInteger(args, 'limit');
        return { entries: admin.list(states, limit).map(summariseEntry) };
    })
        .handle('journal.show', (args) => detailEntry(admin.show(seqOf(args, 'journal.show'))))
        .handle('journal.replay', (args) => {
        const entry = admin.replay(seqOf(args, 'journal.replay'));
        deps.dispatcher.dispatch([entry]);
        return { entry: summariseEntry(entry), dispatched: true };
    })
        .handle('journal.drop', (args) => ({
        entry: summariseEntry(admin.drop(seqOf(args, 'journal.drop'))),
        dispatched: false,
    }));
    return admin;
}
function seqOf(args, op) {
    const seq = args.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
        throw new DaemonBadRequestError(`"${op}" needs "seq", a positive integer (got ${JSON.stringify(seq)})`);
    }
    return seq;
}
function optionalString(args, key) {
    const value = args[key];
    if (value === undefined || typeof value === 'string')
        return value;
    throw new DaemonBadRequestError(`"${key}" must be a string (got ${JSON.stringify(value)})`);
}
function optionalInteger(args, key) {
    const value = args[key];
    if (value === undefined || (typeof value === 'number' && Number.isSafeInteger(value) && value > 0))
        return value;
    throw new DaemonBadRequestError(`"${key}" must be a positive integer (got ${JSON.stringify(value)})`);
}
//# sourceMappingURL=journal-ops.js.map