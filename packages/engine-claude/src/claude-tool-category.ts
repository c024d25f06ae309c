import type { ApprovalCategory } from '@ferry/core';

/* Claude Code's built-in tools by what they do; the chat's mode decides on the category. */
const READ = new Set([
  'Read',
  'Glob',
  'Grep',
  'LS',
  'NotebookRead',
  'WebFetch',
  'WebSearch',
  'ToolSearch',
  'TodoWrite',
  'BashOutput',
  'ListAgents',
]);
const WRITE = new Set(['Edit', 'MultiEdit', 'Write', 'NotebookEdit']);
const SHELL = new Set(['Bash', 'KillShell', 'KillBash', 'Monitor']);

/** `other` for MCP tools and anything unknown: Ferry cannot tell whether they change things. */
export function claudeToolCategory(tool: string): ApprovalCategory {
  if (tool === 'ExitPlanMode') return 'plan';
  if (READ.has(tool)) return 'read';
  if (WRITE.has(tool)) return 'write';
  if (SHELL.has(tool)) return 'shell';
  return 'other';
}
