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
/** Durable per-session memory: resume tokens per engine, and the chosen engine/project. */
let SessionStore = class SessionStore {
    store;
    clock;
    constructor(store, clock) {
        this.store = store;
        this.clock = clock;
        store.migrate('runs', RUN_MIGRATIONS);
    }
    resumeToken(session, engine) {
        const row = this.store.db
            .prepare('SELECT resume FROM sessions WHERE session = ? AND engine = ?')
            .get(session, engine);
        return row?.resume;
    }
    setResumeToken(session, engine, resume) {
        this.store.db
            .prepare(`INSERT INTO sessions (session, engine, resume, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session, engine) DO UPDATE SET resume = excluded.resume, updated_at = excluded.updated_at`)
            .run(session, engine, resume, this.clock.now());
    }
    /** `/new`: the next message starts a fresh conversation with every engine. */
    forget(session) {
        return this.store.db.prepare('DELETE FROM sessions WHERE session = ?').run(session).changes;
    }
    prefs(session) {
        const row = this.store.db.prepare('SELECT engine, project FROM session_prefs WHERE session = ?').get(session);
        return {
            ...(row?.engine ? { engine: row.engine } : {}),
            ...(row?.project ? { project: row.project } : {}),
        };
    }
    setPrefs(session, prefs) {
        this.store.db
            .prepare(`INSERT INTO session_prefs (session, engine, project, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session) DO UPDATE SET engine = excluded.engine, project = excluded.project,
           updated_at = excluded.updated_at`)
            .run(session, prefs.engine ?? null, prefs.project ?? null, this.clock.now());
    }
};
SessionStore = __decorate([
    injectable(),
    __param(0, inject(STATE_STORE)),
    __param(1, inject(CLOCK)),
    __metadata("design:paramtypes", [Function, Object])
], SessionStore);
export { SessionStore };
//# sourceMappingURL=session-store.js.map