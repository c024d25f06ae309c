import type { EngineAction, JsonObject } from '@ferry/core';
import { unwrapShellCommand } from './unwrap-shell-command.js';

/** A progress line is one short line; the full text is in the detail. */
const MAX_TITLE = 100;

/**
 * A codex item as a progress line, or undefined for items that are not steps
 * (agent_message is the answer; reasoning and todo_list are the model's own notes).
 */
export function codexItemAction(item: JsonObject): EngineAction | undefined {
  const id = String(item.id ?? '');
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  switch (item.type) {
    case 'command_execution': {
      const full = unwrapShellCommand((item.command as string | string[] | undefined) ?? '');
      return make(
        id,
        'command',
        `$ ${full}`,
        full.includes('\n') || full.length > MAX_TITLE - 2 ? full : undefined,
      );
    }
    case 'file_change': {
      const changes = Array.isArray(item.changes) ? (item.changes as JsonObject[]) : [];
      const paths = changes.map((c) => str(c.path)).filter(Boolean);
      const verb =
        changes.length === 1 && changes[0]?.kind === 'add'
          ? 'Create'
          : changes[0]?.kind === 'delete'
            ? 'Delete'
            : 'Edit';
      return make(
        id,
        'file',
        paths.length <= 1 ? `${verb} ${paths[0] ?? 'files'}` : `Edit ${paths.length} files`,
        paths.join('\n') || undefined,
      );
    }
    case 'mcp_tool_call':
      return make(id, 'tool', `${str(item.server)}.${str(item.tool)}`);
    case 'web_search':
      return make(id, 'web', `Search the web for ${str(item.query)}`);
    case 'error':
      return make(id, 'note', str(item.message) || 'error');
    default:
      return undefined;
  }
}

/** Whether a completed item went well. */
export function codexItemOk(item: JsonObject): boolean {
  switch (item.type) {
    case 'command_execution':
      return item.status === 'completed' && (item.exit_code === 0 || item.exit_code === undefined);
    case 'error':
      return false;
    default:
      return item.status === undefined || item.status === 'completed';
  }
}

function make(id: string, kind: EngineAction['kind'], title: string, detail?: string): EngineAction {
  const first = title.split('\n', 1)[0]!;
  const cut =
    first.length > MAX_TITLE || first.length < title.length ? `${first.slice(0, MAX_TITLE - 1)}…` : first;
  return { id, kind, title: cut, ...(detail ? { detail } : {}) };
}
