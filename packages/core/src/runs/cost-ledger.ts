import { inject, injectable } from 'tsyringe';
import { type ChatAddress, formatChatAddress } from '../api/chat-address.js';
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

interface Row {
  day: string;
  engine: string;
  runs: number;
  cost_usd: number;
  input_tokens: number;
  output_tokens: number;
}

const DAY_MS = 86_400_000;

/** The chat a cost counts towards: threads and topics count towards their chat. */
export function costChatKey(chat: ChatAddress): string {
  return formatChatAddress({ transport: chat.transport, chat: chat.chat });
}

/** Per-day totals per engine, and per chat and engine, that survive restarts (UTC days). */
@injectable()
export class CostLedger {
  constructor(
    @inject(STATE_STORE) private readonly store: StateStore,
    @inject(CLOCK) private readonly clock: Clock,
  ) {
    store.migrate('runs', RUN_MIGRATIONS);
  }

  /** Counts one run; both totals move in one transaction, so they never disagree after a crash. */
  add(engine: string, usage: Usage | undefined, chat?: ChatAddress): void {
    const day = this.#day(0);
    const values = [usage?.costUsd ?? 0, usage?.inputTokens ?? 0, usage?.outputTokens ?? 0] as const;
    this.store.transaction(() => {
      this.store
        .statement(
          `INSERT INTO cost_daily (day, engine, runs, cost_usd, input_tokens, output_tokens) VALUES (?, ?, 1, ?, ?, ?)
           ON CONFLICT (day, engine) DO UPDATE SET runs = runs + 1, cost_usd = cost_usd + excluded.cost_usd,
             input_tokens = input_tokens + excluded.input_tokens, output_tokens = output_tokens + excluded.output_tokens`,
        )
        .run(day, engine, ...values);
      if (!chat) return;
      this.store
        .statement(
          `INSERT INTO cost_chat_daily (day, chat, engine, runs, cost_usd, input_tokens, output_tokens)
           VALUES (?, ?, ?, 1, ?, ?, ?)
           ON CONFLICT (day, chat, engine) DO UPDATE SET runs = runs + 1, cost_usd = cost_usd + excluded.cost_usd,
             input_tokens = input_tokens + excluded.input_tokens, output_tokens = output_tokens + excluded.output_tokens`,
        )
        .run(day, costChatKey(chat), engine, ...values);
    });
  }

  /** Today's totals over all chats, per engine. */
  today(): DailyCost[] {
    const rows = this.store
      .statement('SELECT * FROM cost_daily WHERE day = ? ORDER BY engine')
      .all(this.#day(0)) as Row[];
    return rows.map(toCost);
  }

  /** One chat's totals per day and engine over the last `days` days (today included), newest first. */
  forChat(chat: ChatAddress, days = 1): DailyCost[] {
    const rows = this.store
      .statement('SELECT * FROM cost_chat_daily WHERE chat = ? AND day >= ? ORDER BY day DESC, engine')
      .all(costChatKey(chat), this.#day(days - 1)) as Row[];
    return rows.map(toCost);
  }

  /** The UTC day `back` days before today, as `YYYY-MM-DD` (which sorts as text). */
  #day(back: number): string {
    return new Date(this.clock.now() - back * DAY_MS).toISOString().slice(0, 10);
  }
}

function toCost(r: Row): DailyCost {
  return {
    day: r.day,
    engine: r.engine,
    runs: r.runs,
    costUsd: r.cost_usd,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
  };
}
