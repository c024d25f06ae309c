import { describe, expect, test } from 'vitest';
import { KeyLocator, locateKey } from './key-locator.js';

/** Joins lines so each test can say "line N" by counting the array. */
const toml = (...lines: string[]) => lines.join('\n');

describe('locateKey', () => {
  test('finds keys under [table] headers and at the top level', () => {
    const text = toml(
      'default_engine = "claude"', // 1
      '', // 2
      '[transports.telegram]', // 3
      'bot_token = "x"', // 4
      '[restart]', // 5
      'drain_timeout_s = 10', // 6
    );
    expect(locateKey(text, ['default_engine'])).toBe(1);
    expect(locateKey(text, ['transports', 'telegram', 'bot_token'])).toBe(4);
    expect(locateKey(text, ['transports', 'telegram'])).toBe(3);
    expect(locateKey(text, ['restart', 'drain_timeout_s'])).toBe(6);
  });

  test('counts [[array.of.tables]] elements, nested arrays per parent element', () => {
    const text = toml(
      '[[triggers.crons]]', // 1
      'id = "a"', // 2
      '[[triggers.crons]]', // 3
      'id = "b"', // 4
      'schedule = "0 9 * * *"', // 5
      '[[fruits]]', // 6
      '[[fruits.varieties]]', // 7
      'name = "red"', // 8
      '[fruits.info]', // 9
      'colour = "red"', // 10
      '[[fruits]]', // 11
      '[[fruits.varieties]]', // 12
      'name = "plantain"', // 13
    );
    expect(locateKey(text, ['triggers', 'crons', 0, 'id'])).toBe(2);
    expect(locateKey(text, ['triggers', 'crons', 1, 'schedule'])).toBe(5);
    expect(locateKey(text, ['triggers', 'crons', 1])).toBe(3);
    expect(locateKey(text, ['triggers', 'crons'])).toBe(1);
    expect(locateKey(text, ['fruits', 0, 'varieties', 0, 'name'])).toBe(8);
    expect(locateKey(text, ['fruits', 0, 'info', 'colour'])).toBe(10);
    expect(locateKey(text, ['fruits', 1, 'varieties', 0, 'name'])).toBe(13);
  });

  test('resolves dotted and quoted keys', () => {
    const text = toml(
      'engines.claude.model = "opus"', // 1
      '[projects]', // 2
      '"my.app".path = "/srv/app"', // 3
      "'literal key' = 1", // 4
      'site . "a\\"b" = 2', // 5
    );
    expect(locateKey(text, ['engines', 'claude', 'model'])).toBe(1);
    expect(locateKey(text, ['engines', 'claude', 'path'])).toBe(1);
    expect(locateKey(text, ['projects', 'my.app', 'path'])).toBe(3);
    expect(locateKey(text, ['projects', 'literal key'])).toBe(4);
    expect(locateKey(text, ['projects', 'site', 'a"b'])).toBe(5);
  });

  test('reports keys inside an inline table at the line that holds them', () => {
    const text = toml(
      '[triggers]', // 1
      'enabled = true', // 2
      'server = { host = "127.0.0.1", port = "x" }', // 3
      'crons = [', // 4
      '  { id = "a", chat = "telegram:1" },', // 5
      '  { id = "b", chat = "bad" },', // 6
      ']', // 7
    );
    expect(locateKey(text, ['triggers', 'server'])).toBe(3);
    expect(locateKey(text, ['triggers', 'server', 'port'])).toBe(3);
    expect(locateKey(text, ['triggers', 'crons', 1, 'chat'])).toBe(6);
    expect(locateKey(text, ['triggers', 'crons', 0])).toBe(5);
  });

  test('is not fooled by brackets, equals signs or headers inside strings, arrays and comments', () => {
    const text = toml(
      'prompt = """', // 1
      '[not.a.table]', // 2
      'fake = "key"', // 3
      '"""', // 4
      "literal = '''", // 5
      '[[nor.this]]', // 6
      "'''", // 7
      'list = [', // 8
      '  "[x]", # [y]', // 9
      '  "]",', // 10
      "  ']',", // 11
      ']', // 12
      '# [commented.out]', // 13
      'escaped = "a\\"[b]"', // 14
      '[real]  # a comment [with brackets]', // 15
      'k = 1', // 16
    );
    expect(locateKey(text, ['not', 'a', 'table'])).toBeUndefined();
    expect(locateKey(text, ['fake'])).toBeUndefined();
    expect(locateKey(text, ['nor'])).toBeUndefined();
    expect(locateKey(text, ['commented'])).toBeUndefined();
    expect(locateKey(text, ['list', 2])).toBe(11);
    expect(locateKey(text, ['escaped'])).toBe(14);
    expect(locateKey(text, ['real', 'k'])).toBe(16);
  });

  test('handles closing quotes that run into a multi-line string delimiter', () => {
    const text = toml('a = """x""""', 'b = 1', "c = '''y'''''", 'd = 2');
    expect(locateKey(text, ['b'])).toBe(2);
    expect(locateKey(text, ['d'])).toBe(4);
  });

  test('falls back to the nearest existing parent when the key is absent', () => {
    const text = toml(
      '[restart]', // 1
      'auto_resume = true', // 2
      '[projects.x]', // 3
      'engine = "codex"', // 4
    );
    expect(locateKey(text, ['projects', 'x', 'path'])).toBe(3);
    expect(locateKey(text, ['restart', 'drain_timeout_s'])).toBe(1);
    expect(locateKey(text, ['transports', 'telegram', 'bot_token'])).toBeUndefined();
    expect(locateKey(text, [])).toBeUndefined();
  });

  test('prefers an explicit [table] over the implicit one an earlier sub-table created', () => {
    const text = toml('[a.b]', 'x = 1', '[a]', 'y = 2');
    expect(locateKey(text, ['a', 'missing'])).toBe(3);
  });

  test('counts lines the same with CRLF line endings', () => {
    const text = ['[restart]', 'auto_resume = true', 'drain_timeout_s = 5'].join('\r\n');
    expect(locateKey(text, ['restart', 'drain_timeout_s'])).toBe(3);
  });

  test('records value spans that cover a whole multi-line value', () => {
    const text = toml('chats = [', '  "a",', '  "b",', '] # trailing', 'next = 1');
    const entry = KeyLocator.fromText(text).find(['chats']);
    expect(text.slice(entry!.valueStart, entry!.valueEnd)).toBe('[\n  "a",\n  "b",\n]');
  });

  test('never hangs or throws on broken text', () => {
    const broken = ['[x', 'a = [1, {', 'b = """open', '= = =', '[[', '{ } ] [', '"unterminated', '\\'];
    for (const text of broken) expect(() => KeyLocator.fromText(text)).not.toThrow();
    expect(locateKey(toml('[x', 'b = 2'), ['x', 'b'])).toBe(2);
  });
});
