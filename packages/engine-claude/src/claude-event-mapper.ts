import type { EngineAction, EngineEvent, FerryError, JsonObject, RunEnd } from '@ferry/core';
import { completedFromResult } from './claude-result.js';
import { describeRunEnd } from './claude-run-end.js';
import { claudeToolAction } from './claude-tool-action.js';

export interface ClaudeEventMapperOptions {
  /** Token to report when the process ends before naming its session (the one resumed, if any). */
  readonly fallbackResume?: string;
  /** The run's cwd: file paths inside it are shown relative. */
  readonly cwd?: string;
  /** Extra `started.meta` fields, e.g. the process id. */
  readonly meta?: Readonly<Record<string, unknown>>;
  /** This run's cost from its `result` line (see ClaudeSessionCosts); absent = not reported. */
  readonly costOfRun?: (sessionId: string | undefined, result: JsonObject) => number | undefined;
}

/**
 * Turns `claude -p --output-format stream-json --verbose` lines into EngineEvents and keeps
 * the engine contract whatever the stream does: one `started` first, paired actions, one
 * `completed` last. Event types it does not know map to nothing.
 *
 * - `system/api_retry` becomes a note action, open while claude waits, closed failed when
 *   another retry follows or the run fails, ok when the request went through.
 * - `system/permission_denied` is not an action of its own: it marks the tool call it denied
 *   (detail "permission denied: …"), whose tool_result follows with `is_error`.
 */
export class ClaudeEventMapper {
  #started = false;
  #completed = false;
  #sawEvent = false;
  #resume: string | undefined;
  #lastText = '';
  #retry: EngineAction | undefined;
  #error: FerryError | undefined;
  readonly #open = new Map<string, EngineAction>();
  readonly #denied = new Map<string, string>();

  constructor(private readonly options: ClaudeEventMapperOptions = {}) {}

  get completed(): boolean {
    return this.#completed;
  }

  /** Why the run failed, with its code, once `completed` was emitted with `ok: false`. */
  get error(): FerryError | undefined {
    return this.#error;
  }

  map(event: JsonObject): EngineEvent[] {
    if (this.#completed) return [];
    this.#sawEvent = true;
    const out: EngineEvent[] = [];
    if (typeof event.session_id === 'string') this.#start(out, event);
    if (this.#retry && !(event.type === 'system' && event.subtype === 'api_retry')) {
      this.#closeRetry(out, event.error === undefined && event.is_error !== true);
    }
    switch (event.type) {
      case 'system':
        if (event.subtype === 'api_retry') this.#openRetry(out, event);
        else if (event.subtype === 'permission_denied' && typeof event.tool_use_id === 'string') {
          this.#denied.set(
            event.tool_use_id,
            typeof event.message === 'string' ? event.message : 'permission denied',
          );
        }
        break;
      case 'assistant':
        this.#assistant(out, event);
        break;
      case 'user':
        this.#toolResults(out, event);
        break;
      case 'result': {
        this.#start(out, event);
        this.#closeOpenActions(out);
        const sessionId = typeof event.session_id === 'string' ? event.session_id : this.#resume;
        const { event: completed, error } = completedFromResult(event, {
          lastText: this.#lastText,
          resume: sessionId || undefined,
          costUsd: this.options.costOfRun?.(sessionId, event),
        });
        this.#error = error;
        out.push(completed);
        this.#completed = true;
        break;
      }
    }
    return out;
  }

  /** The events that end a run whose stream stopped without a `result`; none after one. */
  finish(end: RunEnd): EngineEvent[] {
    if (this.#completed) return [];
    const out: EngineEvent[] = [];
    this.#start(out, {});
    if (this.#retry) this.#closeRetry(out, false);
    this.#closeOpenActions(out);
    const { message, error } = describeRunEnd(end, this.#sawEvent);
    this.#error = error;
    out.push({
      type: 'completed',
      ok: false,
      answer: this.#lastText,
      error: message,
      ...(this.#resume ? { resume: this.#resume } : {}),
    });
    this.#completed = true;
    return out;
  }

  #start(out: EngineEvent[], event: JsonObject): void {
    if (this.#started) return;
    this.#started = true;
    const sessionId = typeof event.session_id === 'string' && event.session_id ? event.session_id : undefined;
    this.#resume = sessionId ?? this.options.fallbackResume;
    const message = event.message as { model?: unknown } | undefined;
    const model = typeof event.model === 'string' ? event.model : message?.model;
    out.push({
      type: 'started',
      // Empty only when the process died before naming a session and none was being resumed.
      resume: this.#resume ?? '',
      meta: {
        ...(typeof model === 'string' && model !== '<synthetic>' ? { model } : {}),
        ...(typeof event.claude_code_version === 'string' ? { version: event.claude_code_version } : {}),
        ...(typeof event.permissionMode === 'string' ? { permissionMode: event.permissionMode } : {}),
        ...this.options.meta,
      },
    });
  }

  #assistant(out: EngineEvent[], event: JsonObject): void {
    // A sub-agent's text is not the answer; its tool calls still show as progress.
    const topLevel = event.parent_tool_use_id == null;
    // claude's synthetic message after an API failure repeats the error the result will carry.
    const synthetic = event.error !== undefined || event.is_api_error_message === true;
    for (const block of contentBlocks(event)) {
      if (block.type === 'text' && typeof block.text === 'string' && topLevel && !synthetic) {
        this.#lastText = block.text;
      } else if (block.type === 'tool_use' && typeof block.id === 'string' && !this.#open.has(block.id)) {
        const action = claudeToolAction(
          block.id,
          String(block.name ?? 'tool'),
          block.input,
          this.options.cwd,
        );
        this.#open.set(block.id, action);
        out.push({ type: 'action', action, phase: 'started' });
      }
    }
  }

  #toolResults(out: EngineEvent[], event: JsonObject): void {
    for (const block of contentBlocks(event)) {
      if (block.type !== 'tool_result') continue;
      const id = String(block.tool_use_id);
      const action = this.#open.get(id);
      if (!action) continue;
      this.#open.delete(id);
      const denial = this.#denied.get(id);
      this.#denied.delete(id);
      const shown = denial ? { ...action, detail: `permission denied: ${denial}` } : action;
      out.push({ type: 'action', action: shown, phase: 'completed', ok: block.is_error !== true && !denial });
    }
  }

  #openRetry(out: EngineEvent[], event: JsonObject): void {
    if (this.#retry) this.#closeRetry(out, false);
    const attempt = typeof event.attempt === 'number' ? event.attempt : 0;
    const max = typeof event.max_retries === 'number' ? `/${event.max_retries}` : '';
    const why = [event.error, event.error_status ? `HTTP ${event.error_status}` : undefined]
      .filter(Boolean)
      .join(', ');
    const wait =
      typeof event.retry_delay_ms === 'number' ? ` in ${Math.round(event.retry_delay_ms / 100) / 10} s` : '';
    this.#retry = {
      id: typeof event.uuid === 'string' ? event.uuid : `api-retry-${attempt}`,
      kind: 'note',
      title: `API retry ${attempt}${max}${wait}${why ? ` (${why})` : ''}`,
    };
    out.push({ type: 'action', action: this.#retry, phase: 'started' });
  }

  #closeRetry(out: EngineEvent[], ok: boolean): void {
    if (!this.#retry) return;
    out.push({ type: 'action', action: this.#retry, phase: 'completed', ok });
    this.#retry = undefined;
  }

  #closeOpenActions(out: EngineEvent[]): void {
    for (const action of this.#open.values())
      out.push({ type: 'action', action, phase: 'completed', ok: false });
    this.#open.clear();
  }
}

function contentBlocks(event: JsonObject): JsonObject[] {
  const message = event.message as { content?: unknown } | undefined;
  const content = message?.content;
  return Array.isArray(content)
    ? content.filter((b): b is JsonObject => typeof b === 'object' && b !== null)
    : [];
}
