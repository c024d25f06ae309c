import type { EngineAction, EngineEvent, JsonObject, RunEnd, Usage } from '@ferry/core';

export interface DemoEventMapperOptions {
  /** Token to report when the process ends before naming its session (the one resumed, if any). */
  readonly fallbackResume?: string;
  /** Extra `started.meta` fields, e.g. the process id. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/**
 * Turns the demo agent's claude-shaped JSONL into EngineEvents and guarantees the engine
 * contract whatever the stream does: one `started` first, `action` pairs, one `completed` last.
 * Unknown event types map to nothing.
 */
export class DemoEventMapper {
  #started = false;
  #completed = false;
  #resume: string | undefined;
  #lastText = '';
  readonly #open = new Map<string, EngineAction>();

  constructor(private readonly options: DemoEventMapperOptions = {}) {}

  get completed(): boolean {
    return this.#completed;
  }

  map(event: JsonObject): EngineEvent[] {
    if (this.#completed) return [];
    const out: EngineEvent[] = [];
    switch (event.type) {
      case 'system':
        if (event.subtype === 'init') this.#start(out, event);
        break;
      case 'assistant':
        this.#start(out, event);
        for (const block of contentBlocks(event)) {
          if (block.type === 'text' && typeof block.text === 'string') this.#lastText = block.text;
          if (block.type === 'tool_use' && typeof block.id === 'string') {
            const action = toAction(block.id, String(block.name ?? 'tool'), block.input);
            this.#open.set(block.id, action);
            out.push({ type: 'action', action, phase: 'started' });
          }
        }
        break;
      case 'user':
        for (const block of contentBlocks(event)) {
          const action = block.type === 'tool_result' ? this.#open.get(String(block.tool_use_id)) : undefined;
          if (!action) continue;
          this.#open.delete(action.id);
          out.push({ type: 'action', action, phase: 'completed', ok: block.is_error !== true });
        }
        break;
      case 'result':
        this.#start(out, event);
        this.#closeOpenActions(out);
        out.push(completedFrom(event, this.#lastText));
        this.#completed = true;
        break;
    }
    return out;
  }

  /** The events that end a run whose stream stopped without a `result`; none after one. */
  finish(end: RunEnd): EngineEvent[] {
    if (this.#completed) return [];
    const out: EngineEvent[] = [];
    this.#start(out, {});
    this.#closeOpenActions(out);
    out.push({
      type: 'completed',
      ok: false,
      answer: this.#lastText,
      error: describeEnd(end),
      ...(this.#resume ? { resume: this.#resume } : {}),
    });
    this.#completed = true;
    return out;
  }

  #start(out: EngineEvent[], event: JsonObject): void {
    if (this.#started) return;
    this.#started = true;
    const sessionId = typeof event.session_id === 'string' ? event.session_id : undefined;
    this.#resume = sessionId ?? this.options.fallbackResume;
    const model = typeof event.model === 'string' ? event.model : undefined;
    out.push({
      type: 'started',
      // Empty only when the process died before naming a session and none was being resumed.
      resume: this.#resume ?? '',
      meta: { ...(model ? { model } : {}), ...this.options.meta },
    });
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

function toAction(id: string, name: string, input: unknown): EngineAction {
  const args = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  switch (name) {
    case 'ListFiles':
      return { id, kind: 'file', title: `List files in ${String(args.path ?? '.')}` };
    case 'WordCount':
      return { id, kind: 'tool', title: 'Count the words of the prompt' };
    case 'Clock':
      return { id, kind: 'tool', title: 'Read the clock' };
    case 'Sleep':
      return { id, kind: 'command', title: `$ ${String(args.command ?? 'sleep')}` };
    default:
      return { id, kind: 'other', title: name };
  }
}

function completedFrom(result: JsonObject, lastText: string): EngineEvent {
  const isError = result.is_error === true || result.subtype !== 'success';
  const answer = typeof result.result === 'string' ? result.result : lastText;
  const resume = typeof result.session_id === 'string' ? result.session_id : undefined;
  return {
    type: 'completed',
    ok: !isError,
    answer,
    ...(resume ? { resume } : {}),
    ...(isError ? { error: answer || `demo engine reported ${String(result.subtype)}` } : {}),
    usage: usageFrom(result),
  };
}

function usageFrom(result: JsonObject): Usage {
  const usage = (result.usage ?? {}) as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return {
    inputTokens: num(usage.input_tokens),
    outputTokens: num(usage.output_tokens),
    costUsd: num(result.total_cost_usd),
  };
}

function describeEnd(end: RunEnd): string {
  if (end.kind === 'cancelled') return 'cancelled';
  if (end.kind === 'failed') return end.error;
  const how = end.signal ? `was killed by ${end.signal}` : `exited with code ${end.code}`;
  const lastStderr = end.stderr.trim().split('\n').at(-1);
  return `demo engine ${how} before its result${lastStderr ? `: ${lastStderr}` : ''}`;
}
