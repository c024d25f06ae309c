import { type ChatAddress, sessionKeyOf } from '../api/chat-address.js';
import type { Command } from '../api/command.js';
import type { Clock } from '../clock/clock.js';
import type { ApprovalModes } from '../runs/approval-modes.js';
import type { ApprovalStore } from '../runs/approval-store.js';
import type { CostLedger } from '../runs/cost-ledger.js';
import type { EngineSource } from '../runs/engine-source.js';
import { formatDuration } from '../runs/format-duration.js';
import type { ProjectRouter } from '../runs/project-router.js';
import type { RunLedger } from '../runs/run-ledger.js';
import type { RunService } from '../runs/run-service.js';
import type { SessionStore } from '../runs/session-store.js';
import type { CommandRegistry } from './command-registry.js';
import { costCommand } from './cost-command.js';
import { engineCommand } from './engine-command.js';
import { modeCommand } from './mode-command.js';

/** What the built-in commands act on; the host wires it. */
export interface BuiltinDeps {
  readonly clock: Clock;
  readonly runs: RunService;
  /** `/mode`, and `/new` forgetting the "always allow" choices of the old conversation. */
  readonly approvals?: { readonly modes: ApprovalModes; readonly store: ApprovalStore };
  readonly sessions: SessionStore;
  readonly ledger: RunLedger;
  readonly costs: CostLedger;
  readonly engines: EngineSource;
  readonly router: ProjectRouter;
  readonly registry: CommandRegistry;
  /** Asks the restart coordinator for a restart; `session` is the chat that asked. */
  requestRestart(options: { force: boolean; session: string }): void;
  /** Starts the resumption of an interrupted run (see RecoveryService). */
  continueRun(session: string): Promise<string>;
  /** Cancels the chat's pending `/at` jobs; returns how many. */
  cancelPendingAt?(chat: ChatAddress): number;
}

export function builtinCommands(d: BuiltinDeps): Command[] {
  return [
    {
      id: 'help',
      description: 'list the commands',
      async handle() {
        const lines = d.registry.list().map((c) => `/${c.name} — ${c.description}`);
        const engines = d.engines
          .ids()
          .map((e) => `/${e}`)
          .join(' ');
        return { text: `${lines.join('\n')}\n\nStart a message with ${engines} to pick the engine for it.` };
      },
    },
    {
      id: 'new',
      description: 'start a fresh conversation (forget resume tokens)',
      async handle(ctx) {
        const n = d.sessions.forget(sessionOf(ctx));
        d.approvals?.store.forgetAllowances(sessionOf(ctx));
        return { text: n > 0 ? '🆕 New conversation: the next message starts fresh.' : '🆕 Already fresh.' };
      },
    },
    {
      id: 'cancel',
      description:
        'cancel the running run and pending /at jobs (reply to a progress message to pick one run)',
      async handle(ctx) {
        const ok = d.runs.cancel(sessionOf(ctx), ctx.event.replyTo);
        // a reply picks one run; a plain /cancel also drops what this chat scheduled with /at
        const at = ctx.event.replyTo ? 0 : (d.cancelPendingAt?.(ctx.chat) ?? 0);
        const dropped = at > 0 ? ` ${at} pending /at job(s) cancelled.` : '';
        if (!ok) return { text: at > 0 ? `Nothing is running here.${dropped}` : 'Nothing is running here.' };
        return { text: `⏹ Cancelling…${dropped}` };
      },
    },
    {
      id: 'continue',
      description: 'resume the run a restart interrupted',
      async handle(ctx) {
        return { text: await d.continueRun(sessionOf(ctx)) };
      },
    },
    {
      id: 'status',
      description: 'show running runs, the queue and today’s cost',
      async handle() {
        const now = d.clock.now();
        const runs = d.runs.active();
        const lines = runs.map(
          (r) => `▸ ${r.engine} in ${r.session} · ${formatDuration(now - r.startedAt)} · ${r.steps} step(s)`,
        );
        const cost = d.costs.today();
        const total = cost.reduce((s, c) => s + c.costUsd, 0);
        return {
          text: [
            runs.length ? `${runs.length} running:` : 'Nothing running.',
            ...lines,
            `${d.runs.queued()} queued.`,
            `Today: ${cost.reduce((s, c) => s + c.runs, 0)} run(s), $${total.toFixed(4)}.`,
          ].join('\n'),
        };
      },
    },
    {
      id: 'restart',
      description: 'restart Ferry politely (--force: do not wait for runs)',
      usage: '/restart [--force]',
      async handle(ctx) {
        d.requestRestart({ force: /(^|\s)--force(\s|$)/.test(ctx.args), session: sessionOf(ctx) });
        return undefined;
      },
    },
    engineCommand(d),
    costCommand(d),
    ...(d.approvals ? [modeCommand(d.approvals)] : []),
    {
      id: 'project',
      description: 'show or switch this chat’s project',
      usage: '/project [name]',
      async handle(ctx) {
        const session = sessionOf(ctx);
        const names = d.router.projectNames();
        if (!ctx.args) {
          const r = d.router.route(ctx.chat, session);
          return {
            text: `Project: ${r.project ?? '(none)'} · ${r.cwd}\nAvailable: ${names.join(', ') || 'none configured'}`,
          };
        }
        if (!names.includes(ctx.args))
          return { text: `Unknown project "${ctx.args}". Available: ${names.join(', ') || 'none'}` };
        d.sessions.setPrefs(session, { ...d.sessions.prefs(session), project: ctx.args });
        return { text: `Switched to project ${ctx.args}.` };
      },
    },
  ];
}

function sessionOf(ctx: { chat: ChatAddress }): string {
  return sessionKeyOf(ctx.chat);
}
