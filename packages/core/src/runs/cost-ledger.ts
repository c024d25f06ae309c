import { inject, injectable } from 'tsyringe';
import type { Usage } from '../api/engine.js';
import type { Clock } from '../clock/clock.js';
import type { StateStore } from '../state/state-store.js';
import { CLOCK, STATE_STORE } from '../tokens.js';
import { RUN_MIGRATIONS } from './run-migrations.js';

export interface DailyCost {
  readonly day: string;
  readonly engine: string;
  readonly runs: number;
  readonly costUsd: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** Per-day, per-engine totals that survive restarts (UTC days). */
@injectable()
export class CostLedger {
  constructor(
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(CLOCK) private readonly clock: Clock,
  ) {
    store.migrate('runs', RUN_MIGRATIONS);
  }

  add(engine: string, usage: Usage | undefined): void {
    this.store.db
      .prepare(
        `INSERT INTO cost_daily (day, engine, runs, cost_usd, input_tokens, output_tokens) VALUES (?, ?, 1, ?, ?, ?)
         ON CONFLICT (day, engine) DO UPDATE SET runs = runs + 1, cost_usd = cost_usd + excluded.cost_usd,
           input_tokens = input_tokens + excluded.input_tokens, output_tokens = output_tokens + excluded.output_tokens`,
      )
      .run(this.#today(), engine, usage?.costUsd ?? 0, usage?.inputTokens ?? 0, usage?.outputTokens ?? 0);
  }

  today(): DailyCost[] {
    const rows = this.store.db
      .prepare('SELECT * FROM cost_daily WHERE day = ? ORDER BY engine')
      .all(this.#today()) as {
      day: string;
      engine: string;
      runs: number;
      cost_usd: number;
      input_tokens: number;
      output_tokens: number;
    }[];
    return rows.map((r) => ({
      day: r.day,
      engine: r.engine,
      runs: r.runs,
      costUsd: r.cost_usd,
      inputTokens: r.input_tokens,
      outputTokens: r.output_tokens,
    }));
  }

  #today(): string {
    return new Date(this.clock.now()).toISOString().slice(0, 10);
  }
}
