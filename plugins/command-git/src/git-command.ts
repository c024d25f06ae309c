import {
  type CallbackContext,
  type ChatCommandContext,
  CLOCK,
  type Clock,
  type Command,
  type CommandContext,
  type CommandResult,
  inject,
  injectable,
  isFerryError,
  PLUGIN_CONFIG,
  PLUGIN_CONTEXT,
  type PluginContext,
} from '@ferry/core';
import type { GitConfig } from './git-config.js';
import { type GitPanel, type GitView, gitPanel, parseView } from './git-views.js';
import { runGit } from './run-git.js';

/** Room left in a message for the panel's header and the truncation note. */
const HEADER_ROOM = 300;

/**
 * `/git status|log|diff` for the chat's project directory (the cwd its runs use). Each answer
 * carries buttons for the other views; a press edits the same message in place.
 */
@injectable()
export class GitCommand implements Command {
  readonly id = 'git';
  readonly description = 'git status, log or diff of this chat’s project';
  readonly usage = '/git [status|log|diff]';

  constructor(
    @inject(PLUGIN_CONFIG) private readonly config: GitConfig,
    @inject(PLUGIN_CONTEXT) private readonly plugin: PluginContext,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(ctx: CommandContext): Promise<CommandResult> {
    const view = parseView(ctx.args);
    if (!view) return { text: `Usage: ${this.usage}` };
    return this.#panel(view, ctx);
  }

  async onCallback(ctx: CallbackContext): Promise<void> {
    const view = parseView(ctx.payload) ?? 'status';
    const panel = await this.#panel(view, ctx);
    await ctx.edit(ctx.message, panel.text, panel.buttons ? { buttons: panel.buttons } : {});
  }

  /** A view, or the reason there is none (git missing, not a repo, too slow) as the answer itself. */
  async #panel(view: GitView, ctx: ChatCommandContext): Promise<Partial<GitPanel> & { text: string }> {
    try {
      return await gitPanel(view, {
        cwd: ctx.cwd,
        maxChars: Math.max(
          200,
          Math.min(this.config.max_chars, ctx.capabilities.maxTextLength - HEADER_ROOM),
        ),
        logCount: this.config.log_count,
        git: (args) =>
          runGit(args, {
            cwd: ctx.cwd,
            path: this.config.path,
            env: this.plugin.childEnv(),
            timeoutMs: this.config.timeout_ms,
            clock: this.clock,
            signal: ctx.signal,
          }),
      });
    } catch (err) {
      if (!isFerryError(err) || !err.code.startsWith('FERRY_GIT_')) throw err;
      this.plugin.logger.info({ code: err.code, cwd: ctx.cwd }, 'git: no answer');
      return { text: `⚠️ ${err.message}` };
    }
  }
}
