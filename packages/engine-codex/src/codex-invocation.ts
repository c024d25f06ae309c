import type { RunRequest } from '@ferry/core';
import type { CodexConfig } from './codex-config.js';

/**
 * `codex exec --json --skip-git-repo-check --color=never [-m M] [--profile P] [extra] -`, or to
 * continue a thread `codex exec --json --skip-git-repo-check [-m M] … resume <thread_id> -`
 * (exec's options go before `resume`, which itself accepts no `--color`). The prompt always
 * travels on stdin (`-`), which is closed after it: no argv length limit, no prompt in `ps`.
 */
export function codexArgs(config: CodexConfig, req: RunRequest): string[] {
  const args = ['exec', '--json', '--skip-git-repo-check'];
  if (!req.resume) args.push('--color=never');
  if (config.model) args.push('-m', config.model);
  if (config.profile) args.push('--profile', config.profile);
  args.push(...config.extra_args);
  if (req.resume) args.push('resume', req.resume);
  args.push('-');
  return args;
}
