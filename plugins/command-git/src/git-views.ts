import type { CommandButton } from '@ferry/core';
import { chatBlock } from './chat-block.js';
import { GitFailedError } from './git-errors.js';

export const GIT_VIEWS = ['status', 'diff', 'log'] as const;
export type GitView = (typeof GIT_VIEWS)[number];

export interface GitPanel {
  readonly text: string;
  readonly buttons: CommandButton[][];
}

export interface GitPanelOptions {
  /** Runs `git <args>` in the chat's project directory, returning stdout. */
  readonly git: (args: readonly string[]) => Promise<string>;
  readonly cwd: string;
  readonly maxChars: number;
  readonly logCount: number;
}

const LABELS: Record<GitView, string> = { status: 'Status', log: 'Log', diff: 'Diff' };

export function parseView(text: string): GitView | undefined {
  const word = text.trim().toLowerCase() || 'status';
  return (GIT_VIEWS as readonly string[]).includes(word) ? (word as GitView) : undefined;
}

/** One view of the repository, with buttons that switch to the other two. */
export async function gitPanel(view: GitView, o: GitPanelOptions): Promise<GitPanel> {
  const body = await VIEWS[view](o);
  const buttons = [GIT_VIEWS.filter((v) => v !== view).map((v) => ({ text: LABELS[v], payload: v }))];
  return { text: `📂 git ${view} · ${o.cwd}\n${body}`, buttons };
}

const VIEWS: Record<GitView, (o: GitPanelOptions) => Promise<string>> = {
  async status(o) {
    const [branch = '', ...changes] = (await o.git(['status', '--short', '--branch'])).trimEnd().split('\n');
    const head = branch.replace(/^## /, '🌿 ');
    return changes.length
      ? `${head}\n${chatBlock(changes.join('\n'), o.maxChars)}`
      : `${head}\n✓ working tree clean`;
  },
  async log(o) {
    try {
      const log = await o.git(['log', '--oneline', '--decorate', '-n', String(o.logCount)]);
      return chatBlock(log, o.maxChars);
    } catch (err) {
      // a fresh `git init` has a branch but no commit to show
      if (err instanceof GitFailedError && /does not have any commits/.test(err.message))
        return 'No commits yet.';
      throw err;
    }
  },
  async diff(o) {
    const [staged, unstaged] = await Promise.all([o.git(['diff', '--cached']), o.git(['diff'])]);
    if (!staged.trim() && !unstaged.trim()) return 'No changes to tracked files.';
    const parts = [
      staged.trim() ? `staged:\n${staged}` : '',
      unstaged.trim() ? `unstaged:\n${unstaged}` : '',
    ];
    return chatBlock(parts.filter(Boolean).join('\n'), o.maxChars);
  },
};
