import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { describeZodIssue } from './describe-zod-issue.js';

function problems(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) throw new Error('expected the input to be rejected');
  return result.error.issues.flatMap((issue) => describeZodIssue(issue, schema).map((d) => d.problem));
}

describe('describeZodIssue', () => {
  test('phrases bounds by what is bounded', () => {
    expect(problems(z.string().max(3), 'abcdef')).toEqual([
      'must be at most 3 characters long, got string "abcdef"',
    ]);
    expect(problems(z.array(z.string()).min(1), [])).toEqual(['must have at least one item, got array']);
    expect(problems(z.number().lt(10), 10)).toEqual(['must be less than 10, got number 10']);
    expect(problems(z.string().min(1), '')).toEqual(['must not be empty']);
  });

  test('phrases string formats, literals, unions and multiples', () => {
    expect(problems(z.string().startsWith('/'), 'hook')).toEqual(['must start with "/", got string "hook"']);
    expect(problems(z.literal('socket'), 'http')).toEqual(['must be "socket", got string "http"']);
    expect(problems(z.union([z.string(), z.number()]), true)).toEqual([
      'does not match any accepted form, got boolean true',
    ]);
    expect(problems(z.number().multipleOf(5), 7)).toEqual(['must be a multiple of 5, got number 7']);
  });

  test("keeps a schema author's own message and adds what was found", () => {
    expect(problems(z.string().regex(/^x/, 'expected an x-id'), 'y')).toEqual([
      'expected an x-id, got string "y"',
    ]);
  });

  test('never echoes the value of a secret-looking key', () => {
    const schema = z.object({ signing_secret: z.string().length(32) });
    expect(problems(schema, { signing_secret: 'hunter2' })[0]).toMatch(/got string \(value hidden\)$/);
  });

  test('gives each unknown key its own path, suggesting only near misses', () => {
    const schema = z.object({ restart: z.object({ drain_timeout_s: z.number().optional() }).strict() });
    const result = schema.safeParse({ restart: { drain_timout_s: 1, zzz: 2 } });
    const described = result.error!.issues.flatMap((issue) => describeZodIssue(issue, schema));
    expect(described).toEqual([
      {
        path: ['restart', 'drain_timout_s'],
        problem: 'unknown key "drain_timout_s" (did you mean "drain_timeout_s"?)',
      },
      { path: ['restart', 'zzz'], problem: 'unknown key "zzz"' },
    ]);
  });
});
