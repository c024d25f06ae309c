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
import { CLOCK, STATE_STORE } from '../tokens.js';
import { RUN_MIGRATIONS } from './run-migrations.js';
/**
 * Answers on their way out. An answer is recorded (with its journal entry moved to
 * `answering`) before it is sent and confirmed after; what is still pending at startup
 * was cut by a crash and is sent again, marked as such — never silently twice, never lost.
 */
let Outbox = class Outbox {
    store;
    clock;
    constructor(store, clock) {
        this.store = store;
        this.clock = clock;
        store.migrate('runs', RUN_MIGRATIONS);
    }
    /**
     * Records answer parts in one transaction with the journal entry's move to `answering` and
     * the run's close: after a crash either the run is unfinished (interrupted) or its answer
     * is in the outbox (re-sent), never neither.
     */
    record(seq, chat, texts, replyTo, runId) {
        return this.store.transaction(() => {
            const items = texts.map((text) => {
                const info = this.store.db
                    .prepare('INSERT INTO outbox (seq, chat_json, text, reply_json, created_at) VALUES (?, ?, ?, ?, ?)')
                    .run(seq ?? null, JSON.stringify(chat), text, replyTo ? JSON.stringify(replyTo) : null, this.clock.now());
                return { id: Number(info.lastInsertRowid), ...(seq === undefined ? {} : { seq }), chat, text, ...(replyTo ? { replyTo } : {}) };
            });
            if (seq !== undefined) {
                this.store.db.prepare(`UPDATE ingress SET state = 'answering', updated_at = ? WHERE seq = ?`).run(this.clock.now(), seq);
            }
            if (runId !== undefined) {
                this.store.db.prepare(`UPDATE runs SET state = 'finished', ended_at = ? WHERE id = ?`).run(this.clock.now(), runId);
            }
            return items;
        });
    }
    /** Confirms a sent part; when it was the entry's last, the entry is done (same transaction). */
    confirm(item) {
        this.store.transaction(() => {
            this.store.db.prepare(`UPDATE outbox SET state = 'sent' WHERE id = ?`).run(item.id);
            if (item.seq === undefined)
                return;
            const left = this.store.db
                .prepare(`SELECT count(*) AS n FROM outbox WHERE seq = ? AND state = 'pending'`)
                .get(item.seq);
            if (left.n === 0) {
                this.store.db.prepare(`UPDATE ingress SET state = 'done', updated_at = ? WHERE seq = ?`).run(this.clock.now(), item.seq);
            }
        });
    }
    pending() {
        const rows = this.store.db
            .prepare(`SELECT id, seq, chat_json, text, reply_json FROM outbox WHERE state = 'pending' ORDER BY id`)
            .all();
        return rows.map((r) => ({
            id: r.id,
            ...(r.seq === null ? {} : { seq: r.seq }),
            chat: JSON.parse(r.chat_json),
            text: r.text,
            ...(r.reply_json === null ? {} : { replyTo: JSON.parse(r.reply_json) }),
        }));
    }
    prune(retentionMs) {
        this.store.db
            .prepare(`DELETE FROM outbox WHERE state = 'sent' AND created_at < ?`)
            .run(this.clock.now() - retentionMs);
    }
};
Outbox = __decorate([
    injectable(),
    __param(0, inject(STATE_STORE)),
    __param(1, inject(CLOCK)),
    __metadata("design:paramtypes", [Function, Object])
], Outbox);
export { Outbox };
//# sourceMappingURL=outbox.js.map