import { describe, expect, test } from 'vitest';
import { parseJsonLines } from './json-lines.js';

async function* from(lines: string[]): AsyncIterable<string> {
  yield* lines;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('parseJsonLines', () => {
  test('yields each JSON object in order', async () => {
    const objects = await collect(parseJsonLines(from(['{"type":"a"}', '{"type":"b","n":1}'])));
    expect(objects).toEqual([{ type: 'a' }, { type: 'b', n: 1 }]);
  });

  test('skips non-JSON and non-object lines, reporting each, and blank lines silently', async () => {
    const bad: string[] = [];
    const objects = await collect(
      parseJsonLines(from(['', 'Warning: something', '{"type":"a"}', '  ', '42', '[1]', '{"type":"b"']), {
        onBadLine: (line) => bad.push(line),
      }),
    );
    expect(objects).toEqual([{ type: 'a' }]);
    expect(bad).toEqual(['Warning: something', '42', '[1]', '{"type":"b"']);
  });
});
