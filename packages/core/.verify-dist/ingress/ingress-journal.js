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
import { sessionKeyOf } from '../api/chat-address.js';
import { CLOCK, STATE_STORE } from '../tokens.js';
import { INGRESS_MIGRATIONS } from './ingress-migrations.js';
/**
 * The durable inbox. Events are appended in one SQLite transaction per group of concurrent
 * `append` calls (group commit), together with the cursor that covers them, and only then
 * does the caller learn they are safe: that order is the no-loss guarantee.
 */
let IngressJournal = class IngressJournal {
    store;
    clock;
    #queue = [];
    #flushScheduled = false;
    #insert;
    #upsertCursor;
    #setState;
    #claim;
    constructor(store, clock) {
        this.store = store;
        this.clock = clock;
        store.migrate('ingress', INGRESS_MIGRATIONS);
        const db = store.db;
        this.#insert = db.prepare(`INSERT INTO ingress (transport, dedupe_key, session, event_json, received_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (transport, dedupe_key) DO NOTHING`);
        this.#upsertCursor = db.prepare(`INSERT INTO ingress_cursor (key, value, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
        this.#setState = db.prepare('UPDATE ingress SET state = ?, updated_at = ?, last_error = coalesce(?, last_error) WHERE seq = ?');
        this.#claim = db.prepare(`UPDATE ingress SET state = 'running', attempts = attempts + 1, updated_at = ?
       WHERE seq = ? AND state = 'pending'`);
    }
    /**
     * Appends events durably; resolves with the entries that were new (duplicates dropped).
     * Calls made in the same tick share one transaction.
     */
    append(events, cursor) {
        return new Promise((resolve, reject) => {
            this.#queue.push({ events, cursor, resolve, reject });
            if (!this.#flushScheduled) {
                this.#flushScheduled = true;
                setImmediate(() => this.#flush());
            }
        });
    }
    #flush() {
        this.#flushScheduled = false;
        const batches = this.#queue.splice(0);
        const now = this.clock.now();
        try {
            const results = this.store.transaction(() => batches.map((batch) => {
                const fresh = [];
                for (const event of batch.events) {
                    const session = sessionKeyOf(event.chat);
                    const info = this.#insert.run(event.transport, event.dedupeKey, session, JSON.stringify(event), now, now);
                    if (info.changes === 1) {
                        fresh.push({
                            seq: Number(info.lastInsertRowid),
                            event,
                            session,
                            state: 'pending',
                            attempts: 0,
                            receivedAt: now,
                        });
                    }
                }
                if (batch.cursor)
                    this.#upsertCursor.run(batch.cursor.key, batch.cursor.value, now);
                return fresh;
            }));
            batches.forEach((batch, i) => batch.resolve(results[i] ?? []));
        }
        catch (err) {
            for (const batch of batches)
                batch.reject(err);
        }
    }
    cursor(key) {
        const row = this.store.db.prepare('SELECT value FROM ingress_cursor WHERE key = ?').get(key);
        return row?.value;
    }
    /** Moves a pending entry to `running`; false if another path claimed it first. */
    claim(seq) {
        return this.#claim.run(this.clock.now(), seq).changes === 1;
    }
    setState(seq, state, error) {
        this.#setState.run(state, this.clock.now(), error ?? null, seq);
    }
    /** Sets the one-time "restarting" notice flag; false when it was already set. */
    markNotified(seq) {
        return this.store.db.prepare('UPDATE ingress SET notified = 1 WHERE seq = ? AND notified = 0').run(seq).changes === 1;
    }
    /** Back to pending after a failed attempt (the attempt count stays). */
    release(seq, error) {
        this.setState(seq, 'pending', error);
    }
    get(seq) {
        const row = this.store.db.prepare('SELECT * FROM ingress WHERE seq = ?').get(seq);
        return row && toEntry(row);
    }
    /** Entries in the given states, oldest first. */
    list(states, limit = 1000) {
        const marks = states.map(() => '?').join(',');
        const rows = this.store.db
            .prepare(`SELECT * FROM ingress WHERE state IN (${marks}) ORDER BY seq LIMIT ?`)
            .all(...states, limit);
        return rows.map(toEntry);
    }
    count(states) {
        const marks = states.map(() => '?').join(',');
        const row = this.store.db.prepare(`SELECT count(*) AS n FROM ingress WHERE state IN (${marks})`).get(...states);
        return row.n;
    }
    /** Forgets final entries (and so their dedupe keys) older than `retentionMs`. */
    prune(retentionMs) {
        const before = this.clock.now() - retentionMs;
        return this.store.db
            .prepare(`DELETE FROM ingress WHERE state IN ('done', 'skipped') AND updated_at < ?`)
            .run(before).changes;
    }
};
IngressJournal = __decorate([
    injectable(),
    __param(0, inject(STATE_STORE)),
    __param(1, inject(CLOCK)),
    __metadata("design:paramtypes", [Function, Object])
], IngressJournal);
export { IngressJournal };
function toEntry(row) {
    return {
        seq: row.seq,
        event: JSON.parse(row.event_json),
        session: row.session,
        state: row.state,
        attempts: row.attempts,
        receivedAt: row.received_at,
        ...(row.last_error === null ? {} : { lastError: row.last_error }),
    };
}
//# sourceMappingURL=ingress-journal.js.map