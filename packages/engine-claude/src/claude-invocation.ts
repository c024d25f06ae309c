import type { ApprovalMode, RunRequest } from '@ferry/core';
import type { ClaudeConfig } from './claude-config.js';

/** How one run calls the CLI: its arguments, and what goes to its stdin (`null` = /dev/null). */
export interface ClaudeInvocation {
  readonly args: string[];
  /** `'pipe'`: interactive; the runner writes the user turn and the approval answers. */
  readonly stdin: { readonly text: string } | 'pipe' | null;
  /** Where the prompt travels; shown in debug logs and tests. */
  readonly promptVia: 'argv' | 'stdin' | 'control';
}

/** Modes in which claude asks nobody: no approval can come, so the plain form suffices. */
const NO_PROMPT_MODES = new Set(['bypassPermissions', 'none']);

/** Claude's `--permission-mode` for each of Ferry's modes; `edits` asks through Ferry's policy. */
const CLAUDE_MODE: Record<ApprovalMode, string> = {
  ask: 'default',
  edits: 'default',
  plan: 'plan',
  bypass: 'bypassPermissions',
};

/**
 * The `--permission-mode` of this run: the chat's mode when one is set (it wins over the
 * config, so `/mode` works without editing ferry.toml), else `[engines.claude] permission_mode`.
 */
export function permissionModeOf(config: ClaudeConfig, req: RunRequest): string | undefined {
  return req.approvalMode ? CLAUDE_MODE[req.approvalMode] : config.permission_mode;
}

/**
 * Chat-native approvals (docs/approvals.md): with a permission mode that asks, and a host
 * that can answer (`req.approvals`), claude gets `--permission-prompt-tool stdio` and keeps
 * stdin open for the control protocol.
 */
export function asksInChat(config: ClaudeConfig, req: RunRequest): boolean {
  const mode = permissionModeOf(config, req);
  return req.approvals !== undefined && mode !== undefined && !NO_PROMPT_MODES.has(mode);
}

/*
 * Linux refuses a single argument over 128 KiB (MAX_ARG_STRLEN, E2BIG at spawn); stay well
 * below it, since the host may prefix notices to the user's text.
 */
const MAX_ARGV_PROMPT_BYTES = 100_000;

/**
 * `claude -p <prompt> --output-format stream-json --verbose …`, the form the CLI documents
 * and the fixtures record. A prompt that cannot be an argument goes to stdin as one
 * stream-json user message instead (`-p --input-format stream-json`, also recorded):
 * - it starts with `-`: claude's option parser would take "- fix the tests" for an unknown
 *   option and exit 1;
 * - it is too long for one argument, or holds a NUL byte (which argv cannot carry).
 * Stdin is closed after that one line, so claude answers it and exits as in argv mode.
 */
export function claudeInvocation(config: ClaudeConfig, req: RunRequest): ClaudeInvocation {
  if (asksInChat(config, req)) {
    const args = ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose'];
    args.push(...optionArgs(config, req), '--permission-prompt-tool', 'stdio');
    return { args, stdin: 'pipe', promptVia: 'control' };
  }
  const viaArgv =
    !req.prompt.startsWith('-') &&
    !req.prompt.includes('\0') &&
    Buffer.byteLength(req.prompt, 'utf8') <= MAX_ARGV_PROMPT_BYTES;
  const head = viaArgv
    ? ['-p', req.prompt, '--output-format', 'stream-json', '--verbose']
    : ['-p', '--input-format', 'stream-json', '--output-format', 'stream-json', '--verbose'];
  const args = [...head, ...optionArgs(config, req)];
  if (viaArgv) return { args, stdin: null, promptVia: 'argv' };
  const message = { type: 'user', message: { role: 'user', content: req.prompt } };
  return { args, stdin: { text: `${JSON.stringify(message)}\n` }, promptVia: 'stdin' };
}

function optionArgs(config: ClaudeConfig, req: RunRequest): string[] {
  const args: string[] = [];
  if (req.resume) args.push('--resume', req.resume);
  if (config.model) args.push('--model', config.model);
  const mode = permissionModeOf(config, req);
  if (mode) args.push('--permission-mode', mode);
  // One comma-separated value: `--allowedTools` is variadic and would swallow what follows.
  if (config.allowed_tools.length > 0) args.push('--allowedTools', config.allowed_tools.join(','));
  args.push(...config.extra_args);
  return args;
}
