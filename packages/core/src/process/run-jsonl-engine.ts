import type { EngineEvent } from '../api/engine.js';
import { type EngineProcess, type EngineProcessOptions, startEngineProcess } from './engine-process.js';
import { type JsonObject, type ParseJsonLinesOptions, parseJsonLines } from './json-lines.js';
import { retireEngineProcess } from './retire-engine-process.js';

/** How a run ended when the stream itself did not say (no final event on stdout). */
export type RunEnd =
  | {
      readonly kind: 'exited';
      readonly code: number | null;
      readonly signal: string | null;
      readonly stderr: string;
    }
  | { readonly kind: 'cancelled' }
  /** The process could not be started; `error` already says why and what to change. */
  | { readonly kind: 'failed'; readonly error: string };

/** Turns one engine's JSONL into EngineEvents; `completed` once it has emitted `completed`. */
export interface JsonlEventMapper {
  map(event: JsonObject): Iterable<EngineEvent>;
  finish(end: RunEnd): Iterable<EngineEvent>;
  readonly completed: boolean;
  /** Why the run failed, once it has completed with `ok: false`. */
  readonly error?: unknown;
}

export interface JsonlEngineOptions {
  /** `signal` is required: it decides whether an ended run was cancelled. */
  readonly process: EngineProcessOptions & { readonly signal: AbortSignal };
  /** Called once: with `{ pid }` after the start, with `{}` when the process could not start. */
  readonly mapperFor: (meta: Readonly<Record<string, unknown>>) => JsonlEventMapper;
  readonly onBadLine?: ParseJsonLinesOptions['onBadLine'];
  /** After the start, before the first line (e.g. write the user turn); may return a cleanup. */
  readonly onStarted?: (proc: EngineProcess) => (() => void) | undefined;
  /** Events to yield instead of mapping `event` (e.g. a control protocol); `undefined` = map it. */
  readonly intercept?: (event: JsonObject, proc: EngineProcess) => Iterable<EngineEvent> | undefined;
  /** The mapper's `error` when the run failed, e.g. to log it. */
  readonly onError?: (error: unknown) => void;
}

const DEFAULT_GRACE_MS = 2000;

/**
 * One run of a JSONL engine CLI: start it, map its lines, end with exactly one `completed`
 * (from the stream, or from how the process ended), and never let the process outlive the run.
 */
export async function* runJsonlEngine(
  options: JsonlEngineOptions,
): AsyncGenerator<EngineEvent, void, undefined> {
  const { signal, clock } = options.process;
  let proc: EngineProcess;
  try {
    proc = await startEngineProcess(options.process);
  } catch (err) {
    yield* options
      .mapperFor({})
      .finish(
        signal.aborted
          ? { kind: 'cancelled' }
          : { kind: 'failed', error: err instanceof Error ? err.message : String(err) },
      );
    return;
  }

  const mapper = options.mapperFor({ pid: proc.pid });
  let cleanup: (() => void) | undefined;
  try {
    cleanup = options.onStarted?.(proc);
    const events = parseJsonLines(proc.lines, options.onBadLine ? { onBadLine: options.onBadLine } : {});
    for await (const event of events) {
      const instead = options.intercept?.(event, proc);
      yield* instead ?? mapper.map(event);
      if (mapper.completed) break;
    }
    if (!mapper.completed) {
      const exit = await proc.exit;
      yield* mapper.finish(
        signal.aborted ? { kind: 'cancelled' } : { kind: 'exited', ...exit, stderr: proc.stderrTail() },
      );
    }
  } finally {
    cleanup?.();
    // Here, not after the loop: the host stops iterating as soon as it has `completed`.
    if (mapper.error) options.onError?.(mapper.error);
    if (mapper.completed && !signal.aborted)
      retireEngineProcess(proc, clock, options.process.graceMs ?? DEFAULT_GRACE_MS);
    else await proc.stop('run ended'); // the consumer stopped early: the process must not outlive the run
  }
}
