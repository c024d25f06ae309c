import { sessionKeyOf } from '../api/chat-address.js';
import type { ChatCommandContext, Command, CommandButton } from '../api/command.js';
import type { EngineSource } from '../runs/engine-source.js';
import type { SessionStore } from '../runs/session-store.js';

export interface EngineCommandDeps {
  readonly engines: Pick<EngineSource, 'ids'>;
  readonly sessions: Pick<SessionStore, 'prefs' | 'setPrefs'>;
}

/**
 * `/engine` (alias `/engines`): lists the engines with a button per other engine, or picks one
 * as this chat's default. Written against the public command API, buttons included.
 */
export function engineCommand(d: EngineCommandDeps): Command {
  const listing = (current: string) => {
    const ids = d.engines.ids();
    const text = ids.map((id) => `${id === current ? '●' : '○'} ${id}`).join('\n');
    // "Use x", not "x": the console turns a label into a typed shortcut, and `/demo` is an engine prefix
    const buttons: CommandButton[] = ids
      .filter((id) => id !== current)
      .map((id) => ({ text: `Use ${id}`, payload: id }));
    return { text, ...(buttons.length ? { buttons: [buttons] } : {}) };
  };
  const choose = (ctx: ChatCommandContext, id: string): string => {
    const ids = d.engines.ids();
    if (!ids.includes(id)) return `Unknown engine "${id}". Available: ${ids.join(', ')}`;
    const session = sessionKeyOf(ctx.chat);
    d.sessions.setPrefs(session, { ...d.sessions.prefs(session), engine: id });
    return `This chat now uses ${id}.`;
  };
  return {
    id: 'engine',
    description: 'show the engines, or pick this chat’s engine',
    usage: '/engine [id]',
    async handle(ctx) {
      if (ctx.args) return { text: choose(ctx, ctx.args) };
      return listing(ctx.engine);
    },
    async onCallback(ctx) {
      await ctx.edit(ctx.message, choose(ctx, ctx.payload));
    },
  };
}
