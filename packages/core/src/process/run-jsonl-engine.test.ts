import { describe, expect, test } from 'vitest';
import type { EngineEvent } from '../api/engine.js';
import { SystemClock } from '../clock/system-clock.js';
import type { JsonObject } from './json-lines.js';
import { type JsonlEventMapper, type RunEnd, runJsonlEngine } from './run-jsonl-engine.js';

/** Maps `{ say }` to a note action and `{ done }` to `completed`; records how the run ended. */
class NoteMapper implements JsonlEventMapper {
  completed = false;
  error: unknown;
  ends: RunEnd[] = [];
  constructor(readonly meta: Readonly<Record<string, unknown>>) {}
  map(event: JsonObject): EngineEvent[] {
    if (event.done === undefined) return [note(String(event.say))];
    this.completed = true;
    if (event.done === false) this.error = new Error('engine said no');
    return [{ type: 'completed', ok: event.done === true, answer: '' }];
  }
  finish(end: RunEnd): EngineEvent[] {
    this.ends.push(end);
    return [{ type: 'completed', ok: false, answer: '', error: end.kind }];
  }
}

function note(id: string): EngineEvent {
  return { type: 'action', action: { id, kind: 'note', title: id }, phase: 'started' };
}

/** A node child that prints `lines`, then exits with `code`. */
function script(lines: unknown[], code = 0) {
  const body = lines.map(
    (l) => `console.log(${JSON.stringify(typeof l === 'string' ? l : JSON.stringify(l))});`,
  );
  return { command: process.execPath, args: ['-e', `${body.join('')}process.exitCode=${code}`] };
}

async function run(cmd: { command: string; args: string[] }, extra = {}) {
  const mappers: NoteMapper[] = [];
  const events: EngineEvent[] = [];
  const signal = new AbortController().signal;
  const process_ = { ...cmd, cwd: process.cwd(), env: process.env, clock: new SystemClock(), signal };
  const mapperFor = (meta: Readonly<Record<string, unknown>>) => {
    mappers.push(new NoteMapper(meta));
    return mappers.at(-1)!;
  };
  for await (const event of runJsonlEngine({ process: process_, mapperFor, ...extra })) events.push(event);
  return { events, mapper: mappers.at(-1)!, mappers };
}

describe('runJsonlEngine', () => {
  test('a process that cannot start is finished as failed by a mapper without a pid', async () => {
    const { events, mapper } = await run({ command: '/nonexistent/engine', args: [] });
    expect(mapper.meta).toEqual({});
    expect(mapper.ends).toMatchObject([{ kind: 'failed' }]);
    expect(events).toEqual([{ type: 'completed', ok: false, answer: '', error: 'failed' }]);
  });

  test('maps lines, skips bad ones, lets intercept replace one, and finishes an early exit', async () => {
    const bad: string[] = [];
    const { events, mapper } = await run(script([{ say: 'a' }, 'not json', { say: 'b' }, { say: 'c' }], 3), {
      onBadLine: (line: string) => bad.push(line),
      intercept: (event: JsonObject) => (event.say === 'b' ? [note('B')] : undefined),
    });
    expect(mapper.meta.pid).toEqual(expect.any(Number));
    expect(bad).toEqual(['not json']);
    expect(events.slice(0, 3)).toEqual([note('a'), note('B'), note('c')]);
    expect(mapper.ends).toMatchObject([{ kind: 'exited', code: 3 }]);
  });

  test('stops reading at completed, reports the mapper error and runs the cleanup', async () => {
    const calls: string[] = [];
    const { events, mapper } = await run(script([{ done: false }, { say: 'late' }]), {
      onStarted: () => () => calls.push('cleanup'),
      onError: (err: unknown) => calls.push(String(err)),
    });
    expect(events).toEqual([{ type: 'completed', ok: false, answer: '' }]);
    expect(mapper.ends).toEqual([]);
    expect(calls).toEqual(['cleanup', 'Error: engine said no']);
  });
});
