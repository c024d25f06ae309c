import { describe, expect, test } from 'vitest';
import { DemoEventMapper } from './demo-event-mapper.js';

const toolUse = (id: string) => ({
  type: 'assistant',
  session_id: 's1',
  message: { content: [{ type: 'tool_use', id, name: 'Clock', input: {} }] },
});
const result = { type: 'result', subtype: 'success', is_error: false, result: 'done', session_id: 's1' };

describe('DemoEventMapper', () => {
  test('a stream that skips system/init still starts with the session id of its first line', () => {
    const mapper = new DemoEventMapper({ fallbackResume: 'old' });
    expect(mapper.map(toolUse('t1'))).toEqual([
      { type: 'started', resume: 's1', meta: {} },
      { type: 'action', action: { id: 't1', kind: 'tool', title: 'Read the clock' }, phase: 'started' },
    ]);
  });

  test('a result closes actions left open as failed, and nothing maps after it', () => {
    const mapper = new DemoEventMapper();
    mapper.map({ type: 'system', subtype: 'init', session_id: 's1', model: 'demo' });
    mapper.map(toolUse('t1'));
    const events = mapper.map(result);
    expect(events.map((e) => e.type)).toEqual(['action', 'completed']);
    expect(events[0]).toMatchObject({ phase: 'completed', ok: false });
    expect(events[1]).toMatchObject({ ok: true, answer: 'done', resume: 's1' });
    expect(mapper.map(toolUse('t2'))).toEqual([]);
    expect(mapper.finish({ kind: 'cancelled' })).toEqual([]);
  });

  test('unknown event types map to nothing', () => {
    const mapper = new DemoEventMapper();
    expect(mapper.map({ type: 'stream_event', session_id: 's1' })).toEqual([]);
    expect(mapper.map({ type: 'system', subtype: 'api_retry', session_id: 's1' })).toEqual([]);
  });

  test('a run that ends before any line reports the resumed token and why it ended', () => {
    const events = new DemoEventMapper({ fallbackResume: 'old' }).finish({
      kind: 'exited',
      code: 1,
      signal: null,
      stderr: 'warming up\nNo conversation found with session ID: old\n',
    });
    expect(events).toEqual([
      { type: 'started', resume: 'old', meta: {} },
      {
        type: 'completed',
        ok: false,
        answer: '',
        resume: 'old',
        error: 'demo engine exited with code 1 before its result: No conversation found with session ID: old',
      },
    ]);
  });
});
