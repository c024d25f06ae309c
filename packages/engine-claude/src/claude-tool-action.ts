import { isAbsolute, relative } from 'node:path';
import type { EngineAction } from '@ferry/core';

/** A progress line is one short line; the full text is in the detail. */
const MAX_TITLE = 100;

/**
 * One `tool_use` block as a progress line: `$ npm test` for Bash, `Edit src/app.ts` for file
 * tools (relative to the run's cwd when inside it), the tool name for anything unknown.
 */
export function claudeToolAction(
  id: string,
  name: string,
  input: unknown,
  cwd: string | undefined,
): EngineAction {
  const args = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const str = (key: string): string | undefined =>
    typeof args[key] === 'string' ? (args[key] as string) : undefined;
  const path = (key: string): string => shortPath(str(key) ?? '?', cwd);
  const description = str('description');
  const make = (kind: EngineAction['kind'], title: string, detail?: string): EngineAction => ({
    id,
    kind,
    title: oneLine(title),
    ...(detail ? { detail } : {}),
  });

  switch (name) {
    case 'Bash':
      return make('command', `$ ${str('command') ?? ''}`, description);
    case 'BashOutput':
      return make('command', 'Read command output');
    case 'KillShell':
    case 'KillBash':
      return make('command', 'Stop a background command');
    case 'Read':
      return make('file', `Read ${path('file_path')}`);
    case 'Write':
      return make('file', `Write ${path('file_path')}`);
    case 'Edit':
    case 'MultiEdit':
      return make('file', `Edit ${path('file_path')}`);
    case 'NotebookEdit':
      return make('file', `Edit ${path('notebook_path')}`);
    case 'Glob':
      return make('file', `Find ${str('pattern') ?? ''}`);
    case 'Grep':
      return make('file', `Search for ${str('pattern') ?? ''}`);
    case 'LS':
      return make('file', `List ${path('path')}`);
    case 'WebFetch':
      return make('web', `Fetch ${str('url') ?? ''}`);
    case 'WebSearch':
      return make('web', `Search the web for ${str('query') ?? ''}`);
    case 'Task':
    case 'Agent':
      return make('tool', `Agent: ${description ?? str('subagent_type') ?? 'task'}`, str('prompt'));
    case 'TodoWrite':
      return make('note', 'Update the to-do list');
    default:
      // MCP tools are `mcp__<server>__<tool>`: show them as `server.tool`.
      if (name.startsWith('mcp__')) return make('tool', name.slice(5).replace('__', '.'));
      return make('tool', name);
  }
}

function shortPath(path: string, cwd: string | undefined): string {
  if (!cwd || !isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function oneLine(text: string): string {
  const first = text.split('\n', 1)[0]!.trimEnd();
  const more = first.length < text.trimEnd().length;
  if (first.length <= MAX_TITLE && !more) return first;
  return `${first.slice(0, MAX_TITLE - 1)}…`;
}
