import type { EngineAction, EngineEvent, FerryError, JsonObject, RunEnd, Usage } from '@ferry/core';
import { CodexTurnFailedError } from './codex-errors.js';
import { codexItemAction, codexItemOk } from './codex-item-action.js';
import { describeRunEnd } from './codex-run-end.js';

export interface CodexEventMapperOptions {
  /** Token to report when the process ends before naming its thread (the one resumed, if any). */
  readonly fallbackResume?: string;
  /** Extra `started.meta` fields: the model asked for (codex does not print it), the pid. */
  readonly meta?: Readonly<Record<string, unknown>>;
  /** This run's share of the thread's cumulative usage (see CodexThreadUsage). */
  readonly usageOfRun?: (threadId: string | undefined, usage: unknown) => Usage | undefined;
}

/** codex's retry notices arrive as `error` events: "Reconnecting... 2/5 (…)". */
const RECONNECTING = /^Reconnecting\.\.\. \d+\/\d+/;

/**
 * Turns `codex exec --json` lines into EngineEvents and keeps the engine contract whatever
 * the stream does: one `started` first, paired actions, one `completed` last. Event and item
 * types it does not know map to nothing.
 *
 * - The answer is the text of the last `agent_message` item before `turn.completed`.
 * - `error` "Reconnecting... N/M" is a note action (failed when another retry or the failure
 *   follows, ok when the stream went on); any other `error` is the reason `turn.failed` repeats.
 */
export class CodexEventMapper {
  #started = false;
  #completed = false;
  #sawEvent = false;
  #resume: string | undefined;
  #lastText = '';
  #lastError: string | undefined;
  #retry: EngineAction | undefined;
  #retries = 0;
  #error: FerryError | undefined;
  readonly #open = new Map<string, EngineAction>();

  constructor(private readonly options: CodexEventMapperOptions = {}) {}

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
    if (event.type === 'thread.started') {
      this.#start(out, typeof event.thread_id === 'string' ? event.thread_id : undefined);
      return out;
    }
    this.#start(out, undefined);
    const reconnecting = event.type === 'error' && RECONNECTING.test(String(event.message));
    if (this.#retry && !reconnecting)
      this.#closeRetry(out, event.type !== 'error' && event.type !== 'turn.failed');
    switch (event.type) {
      case 'item.started':
        this.#itemStarted(out, event.item);
        break;
      case 'item.completed':
        this.#itemCompleted(out, event.item);
        break;
      case 'error':
        if (reconnecting) this.#openRetry(out, String(event.message));
        else this.#lastError = typeof event.message === 'string' ? event.message : 'unknown error';
        break;
      case 'turn.completed': {
        this.#closeOpenActions(out);
        const usage = this.options.usageOfRun?.(this.#resume, event.usage);
        out.push({
          type: 'completed',
          ok: true,
          answer: this.#lastText,
          ...(this.#resume ? { resume: this.#resume } : {}),
          ...(usage ? { usage } : {}),
        });
        this.#completed = true;
        break;
      }
      case 'turn.failed': {
        this.#closeOpenActions(out);
        const failure = event.error as { message?: unknown } | undefined;
        const message =
          typeof failure?.message === 'string' ? failure.message : (this.#lastError ?? 'unknown error');
        this.#error = new CodexTurnFailedError(`codex turn failed: ${message}`);
        out.push({
          type: 'completed',
          ok: false,
          answer: this.#lastText,
          error: this.#error.message,
          ...(this.#resume ? { resume: this.#resume } : {}),
        });
        this.#completed = true;
        break;
      }
    }
    return out;
  }

  /** The events that end a run whose stream stopped without the turn's end; none after one. */
  finish(end: RunEnd): EngineEvent[] {
    if (this.#completed) return [];
    const out: EngineEvent[] = [];
    this.#start(out, undefined);
    if (this.#retry) this.#closeRetry(out, false);
    this.#closeOpenActions(out);
    const { message, error } = describeRunEnd(end, this.#sawEvent, this.#lastError);
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

  #start(out: EngineEvent[], threadId: string | undefined): void {
    if (this.#started) return;
    this.#started = true;
    this.#resume = threadId || this.options.fallbackResume;
    // Empty only when the process died before naming a thread and none was being resumed.
    out.push({ type: 'started', resume: this.#resume ?? '', meta: { ...this.options.meta } });
  }

  #itemStarted(out: EngineEvent[], item: unknown): void {
    if (!isObject(item)) return;
    const action = codexItemAction(item);
    if (!action || this.#open.has(action.id)) return;
    this.#open.set(action.id, action);
    out.push({ type: 'action', action, phase: 'started' });
  }

  #itemCompleted(out: EngineEvent[], item: unknown): void {
    if (!isObject(item)) return;
    if (item.type === 'agent_message' && typeof item.text === 'string') {
      this.#lastText = item.text;
      return;
    }
    const action = codexItemAction(item);
    if (!action) return;
    // Items such as file_change arrive completed only: open them here so phases still pair.
    if (!this.#open.has(action.id)) out.push({ type: 'action', action, phase: 'started' });
    this.#open.delete(action.id);
    out.push({ type: 'action', action, phase: 'completed', ok: codexItemOk(item) });
  }

  #openRetry(out: EngineEvent[], message: string): void {
    if (this.#retry) this.#closeRetry(out, false);
    const long = message.length > 100;
    this.#retries++;
    this.#retry = {
      id: `reconnect-${this.#retries}`,
      kind: 'note',
      title: long ? `${message.slice(0, 99)}…` : message,
      ...(long ? { detail: message } : {}),
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

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null;
}
