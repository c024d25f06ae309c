import { describe, expect, test } from 'vitest';
import { ConfigInvalidError } from './config-invalid-error.js';

describe('ConfigInvalidError', () => {
  test('says file:line: key: problem, without :line when the line is unknown', () => {
    const located = new ConfigInvalidError({
      file: '/c/ferry.toml',
      line: 14,
      key: 'restart.x',
      problem: 'bad',
    });
    expect(located.code).toBe('FERRY_CONFIG_INVALID');
    expect(located.message).toBe('/c/ferry.toml:14: restart.x: bad');
    const unlocated = new ConfigInvalidError({ file: 'env FERRY__A', key: 'a', problem: 'bad' });
    expect(unlocated.message).toBe('env FERRY__A: a: bad');
  });

  test('lists several issues one per line and exposes the first as its fields', () => {
    const err = new ConfigInvalidError([
      { file: '/c/ferry.toml', line: 2, key: 'a', problem: 'p1' },
      { file: '/c/ferry.toml', line: 5, key: 'b', problem: 'p2' },
    ]);
    expect(err.message).toBe('/c/ferry.toml:2: a: p1\n/c/ferry.toml:5: b: p2');
    expect([err.file, err.line, err.key, err.problem]).toEqual(['/c/ferry.toml', 2, 'a', 'p1']);
    expect(err.issues).toHaveLength(2);
    expect(err.name).toBe('ConfigInvalidError');
  });
});
