import type { ApprovalMode } from '../api/approval.js';
import { type ChatAddress, sessionKeyOf } from '../api/chat-address.js';
import type { ChatCommandContext, Command, CommandButton } from '../api/command.js';
import type { ApprovalModes, EffectiveMode } from '../runs/approval-modes.js';
import type { ApprovalStore } from '../runs/approval-store.js';

export interface ModeCommandDeps {
  readonly modes: Pick<ApprovalModes, 'effective' | 'set'>;
  readonly store: Pick<ApprovalStore, 'allowedTools'>;
}

const MODES: readonly { mode: ApprovalMode; what: string }[] = [
  { mode: 'ask', what: 'ask before every tool call that needs permission' },
  { mode: 'edits', what: 'reads and searches go through; ask for file writes, shell and other tools' },
  { mode: 'plan', what: 'plan first; approve the plan once, then the run goes on without asking' },
  { mode: 'bypass', what: 'never ask (claude: bypassPermissions)' },
];

function origin(e: EffectiveMode): string {
  if (e.source === 'chat') return 'set in this chat with /mode';
  if (e.source === 'parent chat') return 'set with /mode in the parent chat';
  if (e.source === 'project') return `from project ${e.project}`;
  return 'from [approvals] mode';
}

/**
 * `/mode [ask|edits|plan|bypass|reset]`: shows or sets how much this chat's engine may do
 * without asking (docs/approvals.md). The choice is durable; `reset` hands the decision back
 * to the project's or the config's mode.
 */
export function modeCommand(d: ModeCommandDeps): Command {
  const listing = (chat: ChatAddress) => {
    const e = d.modes.effective(chat);
    const head = e.mode
      ? `Approval mode: ${e.mode} (${origin(e)})`
      : 'Approval mode: not set — each engine follows its own config (claude: [engines.claude] permission_mode)';
    const always = d.store.allowedTools(sessionKeyOf(chat));
    const text = [
      head,
      ...MODES.map((m) => `${m.mode === e.mode ? '●' : '○'} ${m.mode} — ${m.what}`),
      ...(always.length ? [`Always allowed in this session: ${always.join(', ')}`] : []),
    ].join('\n');
    // "Mode: x", not "x": the console turns a label into a typed shortcut, and a bare `/ask` reads like a prompt
    const buttons: CommandButton[] = MODES.filter((m) => m.mode !== e.mode).map((m) => ({
      text: `Mode: ${m.mode}`,
      payload: m.mode,
    }));
    return { text, buttons: [buttons] };
  };
  const choose = (ctx: ChatCommandContext, arg: string): string => {
    const word = arg.trim().toLowerCase();
    if (word === 'reset') {
      d.modes.set(ctx.chat, undefined);
      const e = d.modes.effective(ctx.chat);
      return `This chat’s own mode is cleared: ${e.mode ? `${e.mode} (${origin(e)})` : 'no mode set'} applies.`;
    }
    const picked = MODES.find((m) => m.mode === word);
    if (!picked) return `Unknown mode "${arg}". Use one of: ${MODES.map((m) => m.mode).join(', ')}, reset.`;
    d.modes.set(ctx.chat, picked.mode);
    return `Approval mode: ${picked.mode} — ${picked.what}. Applies from the next request.`;
  };
  return {
    id: 'mode',
    description: 'show or set what the agent may do without asking (ask, edits, plan, bypass)',
    usage: '/mode [ask|edits|plan|bypass|reset]',
    async handle(ctx) {
      if (ctx.args.trim()) return { text: choose(ctx, ctx.args) };
      return listing(ctx.chat);
    },
    async onCallback(ctx) {
      await ctx.edit(ctx.message, choose(ctx, ctx.payload));
    },
  };
}
