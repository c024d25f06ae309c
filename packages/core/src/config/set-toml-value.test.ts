import { describe, expect, test } from 'vitest';
import { ConfigKeyError } from './config-key-error.js';
import { setTomlValue } from './set-toml-value.js';

const toml = (...lines: string[]) => `${lines.join('\n')}\n`;

function keyError(fn: () => unknown): ConfigKeyError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigKeyError) return err;
    throw err;
  }
  throw new Error('expected a ConfigKeyError');
}

describe('setTomlValue', () => {
  test('replaces a value in place, keeping its trailing comment', () => {
    const text = toml('# top', '[restart]', 'drain_timeout_s = 120   # two minutes', 'auto_resume = false');
    expect(setTomlValue(text, ['restart', 'drain_timeout_s'], '60')).toBe(
      toml('# top', '[restart]', 'drain_timeout_s = 60   # two minutes', 'auto_resume = false'),
    );
  });

  test('replaces the whole span of a multi-line value', () => {
    const text = toml('[plugins]', 'paths = [', '  "/a",  # first', '  "/b",', ']', 'enabled = []');
    expect(setTomlValue(text, ['plugins', 'paths'], '["/c"]')).toBe(
      toml('[plugins]', 'paths = ["/c"]', 'enabled = []'),
    );
    const prompt = toml('[[triggers.crons]]', 'prompt = """', 'line [x]', '"""', 'id = "a"');
    expect(setTomlValue(prompt, ['triggers', 'crons', 0, 'prompt'], '"short"')).toBe(
      toml('[[triggers.crons]]', 'prompt = "short"', 'id = "a"'),
    );
  });

  test('replaces a key inside an inline table and an array element', () => {
    const text = toml('[triggers]', 'server = { host = "0.0.0.0", port = 1 }', 'chats = ["a", "b"]');
    const once = setTomlValue(text, ['triggers', 'server', 'port'], '9876');
    expect(setTomlValue(once, ['triggers', 'chats', 1], '"c"')).toBe(
      toml('[triggers]', 'server = { host = "0.0.0.0", port = 9876 }', 'chats = ["a", "c"]'),
    );
  });

  test("inserts a new key after the last key of its table, before the next table's comments", () => {
    const text = toml(
      '[restart]',
      'auto_resume = true',
      '',
      '# triggers below',
      '[triggers]',
      'enabled = true',
    );
    expect(setTomlValue(text, ['restart', 'drain_timeout_s'], '30')).toBe(
      toml(
        '[restart]',
        'auto_resume = true',
        'drain_timeout_s = 30',
        '',
        '# triggers below',
        '[triggers]',
        'enabled = true',
      ),
    );
  });

  test('inserts right after the header of an empty table, and into the right [[array]] element', () => {
    const text = toml(
      '[restart]',
      '',
      '[[triggers.crons]]',
      'id = "a"',
      '[[triggers.crons]]',
      'id = "b"',
      '',
    );
    expect(setTomlValue(text, ['restart', 'auto_resume'], 'true')).toBe(
      toml(
        '[restart]',
        'auto_resume = true',
        '',
        '[[triggers.crons]]',
        'id = "a"',
        '[[triggers.crons]]',
        'id = "b"',
        '',
      ),
    );
    expect(setTomlValue(text, ['triggers', 'crons', 0, 'run_once'], 'true')).toBe(
      toml(
        '[restart]',
        '',
        '[[triggers.crons]]',
        'id = "a"',
        'run_once = true',
        '[[triggers.crons]]',
        'id = "b"',
        '',
      ),
    );
  });

  test('creates a missing table at the end of the file', () => {
    const text = '# my config\ndefault_engine = "claude"';
    expect(setTomlValue(text, ['transports', 'telegram', 'bot_token'], '"1:x"')).toBe(
      '# my config\ndefault_engine = "claude"\n\n[transports.telegram]\nbot_token = "1:x"\n',
    );
    expect(setTomlValue('', ['projects', 'my.app', 'path'], '"/srv"')).toBe(
      '[projects."my.app"]\npath = "/srv"\n',
    );
  });

  test('puts a new top-level key before the first table', () => {
    const text = toml('[restart]', 'auto_resume = true');
    expect(setTomlValue(text, ['log_level'], '"debug"')).toBe(
      toml('log_level = "debug"', '', '[restart]', 'auto_resume = true'),
    );
    expect(setTomlValue(toml('a = 1', '[t]'), ['b'], '2')).toBe(toml('a = 1', 'b = 2', '[t]'));
  });

  test('extends a table written with dotted keys in the section that holds them', () => {
    const text = toml('[engines]', 'claude.model = "opus"', '[restart]');
    expect(setTomlValue(text, ['engines', 'claude', 'path'], '"/bin/claude"')).toBe(
      toml('[engines]', 'claude.model = "opus"', 'claude.path = "/bin/claude"', '[restart]'),
    );
  });

  test('keeps a byte-order mark and still finds the first key', () => {
    expect(setTomlValue('\uFEFFlog_level = "info"\n', ['log_level'], '"debug"')).toBe(
      '\uFEFFlog_level = "debug"\n',
    );
  });

  test('keeps CRLF line endings', () => {
    const text = '[restart]\r\nauto_resume = true\r\n';
    expect(setTomlValue(text, ['restart', 'drain_timeout_s'], '5')).toBe(
      '[restart]\r\nauto_resume = true\r\ndrain_timeout_s = 5\r\n',
    );
  });

  test('refuses to overwrite a table, to reach inside a single value, or to invent array elements', () => {
    const text = toml(
      '[restart]',
      'auto_resume = true',
      '[triggers]',
      'server = { port = 1 }',
      '[[triggers.crons]]',
    );
    expect(keyError(() => setTomlValue(text, ['restart'], '1')).code).toBe('FERRY_CONFIG_KEY');
    expect(keyError(() => setTomlValue(text, ['triggers', 'server', 'host'], '"x"')).problem).toMatch(
      /line 4/,
    );
    expect(keyError(() => setTomlValue(text, ['restart', 'auto_resume', 'x'], '1')).code).toBe(
      'FERRY_CONFIG_KEY',
    );
    expect(keyError(() => setTomlValue(text, ['triggers', 'crons', 'id'], '"x"')).problem).toMatch(
      /crons\[0\]/,
    );
    expect(keyError(() => setTomlValue(text, ['triggers', 'crons', 4, 'id'], '"x"')).code).toBe(
      'FERRY_CONFIG_KEY',
    );
  });
});
