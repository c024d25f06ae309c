import type { Command } from '../api/command.js';
import type { CostLedger, DailyCost } from '../runs/cost-ledger.js';

/** How many days `/cost` looks back for the chat's own history. */
const HISTORY_DAYS = 7;

/** `/cost`: today in this chat (per engine), today in all chats, and this chat's last week. */
export function costCommand(d: { readonly costs: Pick<CostLedger, 'today' | 'forChat'> }): Command {
  return {
    id: 'cost',
    description: 'show today’s cost in this chat and overall, and this chat’s last 7 days',
    usage: '/cost',
    async handle(ctx) {
      const today = d.costs.forChat(ctx.chat, 1);
      const week = d.costs.forChat(ctx.chat, HISTORY_DAYS);
      const lines = [`💰 This chat, today: ${summary(today)}`];
      for (const c of today) lines.push(`   ${c.engine}: ${summary([c])}`);
      lines.push(`🌐 All chats, today: ${summary(d.costs.today())}`);
      lines.push(`📅 This chat, last ${HISTORY_DAYS} days: ${summary(week)}`);
      return { text: lines.join('\n') };
    },
  };
}

function summary(rows: readonly DailyCost[]): string {
  const runs = rows.reduce((s, c) => s + c.runs, 0);
  if (runs === 0) return 'no runs';
  const usd = rows.reduce((s, c) => s + c.costUsd, 0);
  const input = rows.reduce((s, c) => s + c.inputTokens, 0);
  const output = rows.reduce((s, c) => s + c.outputTokens, 0);
  return `${runs} run(s) · $${usd.toFixed(4)} · ${tokens(input)} in / ${tokens(output)} out tokens`;
}

function tokens(n: number): string {
  return n >= 10_000 ? `${Math.round(n / 1000)}k` : String(n);
}
