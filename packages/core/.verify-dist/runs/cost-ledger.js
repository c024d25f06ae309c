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
/** Per-day, per-engine totals that survive restarts (UTC days). */
let CostLedger = class CostLedger {
    store;
    clock;
    constructor(store, clock) {
        this.store = store;
        this.clock = clock;
        store.migrate('runs', RUN_MIGRATIONS);
    }
    add(engine, usage) {
        this.store.db
            .prepare(`INSERT INTO cost_daily (day, engine, runs, cost_usd, input_tokens, output_tokens) VALUES (?, ?, 1, ?, ?, ?)
         ON CONFLICT (day, engine) DO UPDATE SET runs = runs + 1, cost_usd = cost_usd + excluded.cost_usd,
           input_tokens = input_tokens + excluded.input_tokens, output_tokens = output_tokens + excluded.output_tokens`)
            .run(this.#today(), engine, usage?.costUsd ?? 0, usage?.inputTokens ?? 0, usage?.outputTokens ?? 0);
    }
    today() {
        const rows = this.store.db
            .prepare('SELECT * FROM cost_daily WHERE day = ? ORDER BY engine')
            .all(this.#today());
        return rows.map((r) => ({
            day: r.day,
            engine: r.engine,
            runs: r.runs,
            costUsd: r.cost_usd,
            inputTokens: r.input_tokens,
            outputTokens: r.output_tokens,
        }));
    }
    #today() {
        return new Date(this.clock.now()).toISOString().slice(0, 10);
    }
};
CostLedger = __decorate([
    injectable(),
    __param(0, inject(STATE_STORE)),
    __param(1, inject(CLOCK)),
    __metadata("design:paramtypes", [Function, Object])
], CostLedger);
export { CostLedger };
//# sourceMappingURL=cost-ledger.js.map