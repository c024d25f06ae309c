import { describe, expect, test } from 'vitest';
import { formatKeyPath, formatTomlKey, parseKeyPath } from './key-path.js';

describe('key paths', () => {
  test('format zod paths the way a person reads them', () => {
    expect(formatKeyPath(['triggers', 'crons', 1, 'chat'])).toBe('triggers.crons[1].chat');
    expect(formatKeyPath(['projects', 'my.app', 'path'])).toBe('projects."my.app".path');
    expect(formatKeyPath([])).toBe('');
    expect(formatTomlKey(['engines', 'claude', 'env', 'A B'])).toBe('engines.claude.env."A B"');
  });

  test('parse what users type after `ferry config get|set`', () => {
    expect(parseKeyPath('restart.drain_timeout_s')).toEqual(['restart', 'drain_timeout_s']);
    expect(parseKeyPath('triggers.crons[1].chat')).toEqual(['triggers', 'crons', 1, 'chat']);
    expect(parseKeyPath(`projects."my.app".path`)).toEqual(['projects', 'my.app', 'path']);
    expect(parseKeyPath(`projects.'x y'`)).toEqual(['projects', 'x y']);
  });

  test('reject malformed key paths', () => {
    for (const bad of ['', '.a', 'a.', 'a..b', 'a b', '[0]', 'a[x]', 'a"b"', 'a."open']) {
      expect(parseKeyPath(bad), bad).toBeUndefined();
    }
  });
});
