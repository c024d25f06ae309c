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
 * Durable record of every run in flight. Rows left `running` by a crash or marked
 * `interrupted` by a drain are the restart manifest the next generation reads.
 */
let RunLedger = class RunLedger {
    store;
    clock;
    constructor(store, clock) {
        this.store = store;
        this.clock = clock;
        store.migrate('runs', RUN_MIGRATIONS);
    }
    open(run) {
        const info = this.store.db
            .prepare(`INSERT INTO runs (seq, session, chat_json, engine, prompt, cwd, resume, progress_json, reply_json, source,
           state, started_at, resume_attempts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?, ?)`)
            .run(run.seq ?? null, run.session, JSON.stringify(run.chat), run.engine, run.prompt, run.cwd, run.resume ?? null, run.progress ? JSON.stringify(run.progress) : null, run.replyTo ? JSON.stringify(run.replyTo) : null, run.source ?? null, this.clock.now(), run.resumeAttempts ?? 0);
        return Number(info.lastInsertRowid);
    }
    update(id, patch) {
        const db = this.store.db;
        if (patch.resume !== undefined)
            db.prepare('UPDATE runs SET resume = ? WHERE id = ?').run(patch.resume, id);
        if (patch.progress !== undefined)
            db.prepare('UPDATE runs SET progress_json = ? WHERE id = ?').run(JSON.stringify(patch.progress), id);
        if (patch.steps !== undefined)
            db.prepare('UPDATE runs SET steps = ? WHERE id = ?').run(patch.steps, id);
    }
    close(id, state) {
        this.store.db.prepare('UPDATE runs SET state = ?, ended_at = ? WHERE id = ?').run(state, this.clock.now(), id);
    }
    /** Runs the previous generation did not finish: interrupted by a drain, or still `running` after a crash. */
    unfinished() {
        const rows = this.store.db
            .prepare(`SELECT * FROM runs WHERE state IN ('running', 'interrupted') ORDER BY id`)
            .all();
        return rows.map(toRecord);
    }
    /** The most recent interrupted run of a session that `/continue` can pick up. */
    lastRecovered(session) {
        const row = this.store.db
            .prepare(`SELECT * FROM runs WHERE session = ? AND state = 'recovered' ORDER BY id DESC LIMIT 1`)
            .get(session);
        return row && toRecord(row);
    }
    get(id) {
        const row = this.store.db.prepare('SELECT * FROM runs WHERE id = ?').get(id);
        return row && toRecord(row);
    }
};
RunLedger = __decorate([
    injectable(),
    __param(0, inject(STATE_STORE)),
    __param(1, inject(CLOCK)),
    __metadata("design:paramtypes", [Function, Object])
], RunLedger);
export { RunLedger };
function toRecord(row) {
    return {
        id: row.id,
        ...(row.seq === null ? {} : { seq: row.seq }),
        session: row.session,
        chat: JSON.parse(row.chat_json),
        engine: row.engine,
        prompt: row.prompt,
        cwd: row.cwd,
        ...(row.resume === null ? {} : { resume: row.resume }),
        ...(row.progress_json === null ? {} : { progress: JSON.parse(row.progress_json) }),
        ...(row.reply_json === null ? {} : { replyTo: JSON.parse(row.reply_json) }),
        ...(row.source === null ? {} : { source: row.source }),
        steps: row.steps,
        state: row.state,
        startedAt: row.started_at,
        resumeAttempts: row.resume_attempts,
    };
}
//# sourceMappingURL=run-ledger.js.map