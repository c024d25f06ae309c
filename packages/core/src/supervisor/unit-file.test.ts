import { describe, expect, it } from 'vitest';
import { parseTimeSpan } from './time-span.js';
import { expandSpecifiers, parseUnitFile, quoteUnitWord, splitUnitWords } from './unit-file.js';

describe('parseUnitFile', () => {
  it('reads sections, keys, comments and continued lines as systemd does', () => {
    const { unit, problems } = parseUnitFile(
      [
        '# comment',
        '[Unit]',
        'Description=Ferry',
        '[Service]',
        'ExecStart=/usr/bin/node \\',
        '  /opt/ferry/cli.js run',
        '; another comment',
        'Environment=A=1 "B=two words"',
        'Environment=C=3',
        'TimeoutStopSec=100',
        'TimeoutStopSec=150',
        'not a key',
      ].join('\n'),
    );
    expect(unit.sections()).toEqual(['Unit', 'Service']);
    expect(unit.get('Service', 'ExecStart')).toBe('/usr/bin/node  /opt/ferry/cli.js run');
    expect(unit.get('Service', 'TimeoutStopSec')).toBe('150');
    expect(unit.environment()).toEqual({ A: '1', B: 'two words', C: '3' });
    expect(problems).toEqual(['line 12: not Key=value: not a key']);
  });

  it('lets an empty assignment reset a list, like systemd', () => {
    const { unit } = parseUnitFile('[Service]\nEnvironment=A=1\nEnvironment=\nEnvironment=B=2\n');
    expect(unit.environment()).toEqual({ B: '2' });
  });
});

describe('quoteUnitWord', () => {
  it('round-trips paths with spaces, quotes, backslashes and percent signs', () => {
    for (const word of ['/plain/path', '/with space/x', 'a"b', 'back\\slash', '50%/dir']) {
      const quoted = quoteUnitWord(word);
      // systemd expands specifiers before splitting words: %% becomes %
      expect(splitUnitWords(expandSpecifiers(quoted, '/home/x'))).toEqual([word]);
    }
  });

  it('expands %h to the home directory', () => {
    expect(expandSpecifiers('%h/.ferry/ferry.toml', '/home/me')).toBe('/home/me/.ferry/ferry.toml');
  });
});

describe('parseTimeSpan', () => {
  it('reads the forms TimeoutStopSec takes', () => {
    expect(parseTimeSpan('150')).toBe(150_000);
    expect(parseTimeSpan('2min 30s')).toBe(150_000);
    expect(parseTimeSpan('2m30s')).toBe(150_000);
    expect(parseTimeSpan('500ms')).toBe(500);
    expect(parseTimeSpan('1h')).toBe(3_600_000);
    expect(parseTimeSpan('infinity')).toBe(Number.POSITIVE_INFINITY);
    expect(parseTimeSpan('0')).toBe(Number.POSITIVE_INFINITY);
    expect(parseTimeSpan('soon')).toBeUndefined();
    expect(parseTimeSpan('5 parsecs')).toBeUndefined();
  });
});
