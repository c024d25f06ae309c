import type { JsonObject, PluginStore } from '@ferry/core';

/**
 * The cost of one run. claude's `total_cost_usd` is cumulative over the session (a resumed
 * session includes every earlier run), while Ferry reports each run alone.
 *
 * 1. `model_usage_since_last_result` (per model, `costUSD`) is claude's own figure for this
 *    turn; it is right even when the session was also resumed outside Ferry (a terminal
 *    `claude --resume`), which no bookkeeping of ours could see.
 * 2. Without it (error results carry none; older CLIs), the delta of `total_cost_usd` against
 *    the last cumulative value Ferry saw for the session, kept in the plugin store.
 * 3. A session Ferry never saw and did not resume: the cumulative value is this run's cost.
 *    A resumed session with no record: unknown (undefined), rather than a wrong number.
 */
export class ClaudeSessionCosts {
  constructor(private readonly store: PluginStore) {}

  costOfRun(sessionId: string | undefined, result: JsonObject, resumed: boolean): number | undefined {
    const cumulative = typeof result.total_cost_usd === 'number' ? result.total_cost_usd : undefined;
    const key = `session-cost:${sessionId}`;
    const previous = sessionId ? this.store.get<number>(key) : undefined;
    // API errors report 0 instead of the session total; never move the record backwards.
    if (sessionId && cumulative !== undefined && cumulative >= (previous ?? 0))
      this.store.set(key, cumulative);

    const turn = sumTurnCost(result.model_usage_since_last_result);
    if (turn !== undefined) return turn;
    if (cumulative === undefined) return undefined;
    if (cumulative === 0) return 0;
    if (previous !== undefined) return cumulative >= previous ? roundUsd(cumulative - previous) : undefined;
    return resumed ? undefined : cumulative;
  }
}

function sumTurnCost(perModel: unknown): number | undefined {
  if (typeof perModel !== 'object' || perModel === null) return undefined;
  const costs = Object.values(perModel as Record<string, unknown>).map((m) =>
    typeof m === 'object' && m !== null ? (m as { costUSD?: unknown }).costUSD : undefined,
  );
  if (costs.length === 0 || costs.some((c) => typeof c !== 'number')) return undefined;
  return roundUsd((costs as number[]).reduce((a, b) => a + b, 0));
}

/** Float subtraction leaves noise (0.000416 − 0.000208 = 0.00020800000000000001). */
function roundUsd(usd: number): number {
  return Math.round(usd * 1e10) / 1e10;
}
