import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { ConfigInvalidError } from './config-invalid-error.js';
import { ConfigNotFoundError } from './config-not-found-error.js';
import { loadConfig } from './load-config.js';

function writeConfig(...lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-load-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'ferry.toml');
  writeFileSync(path, lines.join('\n'));
  return path;
}

function loadError(path: string, env: NodeJS.ProcessEnv = {}): ConfigInvalidError {
  try {
    loadConfig(path, env);
  } catch (err) {
    if (err instanceof ConfigInvalidError) return err;
    throw err;
  }
  throw new Error('expected loadConfig to reject the config');
}

describe('loadConfig on a valid file', () => {
  test('applies defaults and reports where the state lives', () => {
    const path = writeConfig('default_engine = "codex"', '[transports.telegram]', 'bot_token = "1:x"');
    const loaded = loadConfig(path, {});
    expect(loaded.path).toBe(path);
    expect(loaded.stateDir).toBe(join(path, '..'));
    expect(loaded.config.default_engine).toBe('codex');
    expect(loaded.config.restart.drain_timeout_s).toBe(120);
    expect(loaded.config.transports.telegram).toEqual({ bot_token: '1:x' });
    expect(loaded.raw).toMatchObject({ transports: { telegram: { bot_token: '1:x' } } });
    expect(loaded.locate(['transports', 'telegram', 'bot_token'])).toBe(3);
    expect(loaded.origin(['default_engine'])).toEqual({ file: path, line: 1 });
  });

  test('accepts a byte-order mark and still locates the first line', () => {
    const path = writeConfig('\uFEFFlog_level = "debug"');
    const loaded = loadConfig(path, {});
    expect(loaded.config.log_level).toBe('debug');
    expect(loaded.locate(['log_level'])).toBe(1);
  });

  test('a missing file is FERRY_CONFIG_NOT_FOUND naming the path', () => {
    const path = join(writeConfig(''), '..', 'absent.toml');
    const err = (() => {
      try {
        loadConfig(path, {});
      } catch (e) {
        return e as ConfigNotFoundError;
      }
    })();
    expect(err?.code).toBe('FERRY_CONFIG_NOT_FOUND');
    expect(err?.path).toBe(path);
    expect(err?.message).toContain('ferry init');
  });
});

interface Malformed {
  name: string;
  lines: string[];
  line: number;
  key: string;
  problem?: RegExp;
}

// Each file is wrong in one way; the error must say file, line and key.
const malformed: Malformed[] = [
  {
    name: 'a syntax error mid-file',
    lines: ['default_engine = "claude"', '', '[restart]', 'drain_timeout_s = = 5', 'auto_resume = true'],
    line: 4,
    key: 'restart.drain_timeout_s',
  },
  {
    name: 'a duplicate key',
    lines: ['[restart]', 'drain_timeout_s = 10', 'auto_resume = true', 'drain_timeout_s = 20'],
    line: 4,
    key: 'restart.drain_timeout_s',
    problem: /defined twice \(first on line 2\)/,
  },
  {
    name: 'a duplicate table',
    lines: ['[restart]', 'auto_resume = true', '', '[restart]', 'drain_timeout_s = 20'],
    line: 4,
    key: 'restart',
    problem: /first on line 1/,
  },
  {
    name: 'a dotted key under a plain value',
    lines: ['default_engine = "claude"', 'default_engine.name = "x"'],
    line: 2,
    key: 'default_engine.name',
    problem: /^clashes with default_engine on line 1$/,
  },
  {
    name: 'a wrong type',
    lines: ['# comment', '[restart]', 'drain_timeout_s = "2m"'],
    line: 3,
    key: 'restart.drain_timeout_s',
    problem: /^expected number, got string "2m"$/,
  },
  {
    name: 'a bad enum value',
    lines: ['[restart]', 'on_config_change = "reboot"'],
    line: 2,
    key: 'restart.on_config_change',
    problem: /^must be one of "restart", "notify", got string "reboot"$/,
  },
  {
    name: 'an unknown key in a strict table',
    lines: ['[restart]', 'auto_resume = false', 'drain_timeout = 30'],
    line: 3,
    key: 'restart.drain_timeout',
    problem: /^unknown key "drain_timeout" \(did you mean "drain_timeout_s"\?\)$/,
  },
  {
    name: 'a negative drain timeout',
    lines: ['log_level = "info"', '[restart]', 'drain_timeout_s = -5'],
    line: 3,
    key: 'restart.drain_timeout_s',
    problem: /^must be at least 0, got number -5$/,
  },
  {
    name: 'a bad chat address in the second [[triggers.crons]]',
    lines: [
      '[[triggers.crons]]',
      'id = "daily"',
      'schedule = "0 9 * * *"',
      'prompt = "report"',
      'chat = "telegram:1"',
      '',
      '[[triggers.crons]]',
      'id = "weekly"',
      'schedule = "0 9 * * 1"',
      'prompt = "review"',
      'chat = "telegram"',
    ],
    line: 11,
    key: 'triggers.crons[1].chat',
    problem: /expected transport:chat\[:thread\], got string "telegram"/,
  },
  {
    name: 'a missing required key in [projects.x]',
    lines: ['default_engine = "claude"', '', '[projects.x]', 'engine = "codex"'],
    line: 3,
    key: 'projects.x.path',
    problem: /^required key is missing/,
  },
  {
    name: 'an unterminated string',
    lines: ['[transports.telegram]', 'bot_token = "123:abc', 'chat_id = 5'],
    line: 2,
    key: 'transports.telegram.bot_token',
    problem: /unterminated string/,
  },
  {
    name: 'an unclosed table header',
    lines: ['default_engine = "claude"', '[restart', 'auto_resume = true'],
    line: 2,
    key: 'restart',
    problem: /unclosed table header/,
  },
  {
    name: 'an invalid value in an inline table',
    lines: ['[triggers]', 'enabled = true', 'server = { host = "127.0.0.1", port = "9876" }'],
    line: 3,
    key: 'triggers.server.port',
    problem: /^expected number, got string "9876"$/,
  },
  {
    name: 'a syntax error inside an inline table',
    lines: ['[triggers]', 'server = { host = "127.0.0.1", port }'],
    line: 2,
    key: 'triggers.server',
  },
  {
    name: 'an unterminated multi-line array',
    lines: ['[plugins]', 'paths = [', '  "/opt/a",', '  "/opt/b"', 'enabled = []'],
    line: 5,
    key: 'plugins.paths',
    problem: /^the value started on line 2 is not closed/,
  },
  {
    name: 'a value where a table belongs',
    lines: ['restart = 5'],
    line: 1,
    key: 'restart',
    problem: /^expected table, got number 5$/,
  },
  {
    name: 'a misspelt top-level key',
    lines: ['defualt_engine = "claude"'],
    line: 1,
    key: 'defualt_engine',
    problem: /did you mean "default_engine"/,
  },
  {
    name: 'a fraction where an integer belongs',
    lines: ['[ingress]', 'max_attempts = 2.5'],
    line: 2,
    key: 'ingress.max_attempts',
    problem: /^expected integer, got number 2.5$/,
  },
];

describe('loadConfig on a malformed file', () => {
  test.each(malformed)('$name is FERRY_CONFIG_INVALID with file, line and key', (c) => {
    const path = writeConfig(...c.lines);
    const err = loadError(path);
    expect(err.code).toBe('FERRY_CONFIG_INVALID');
    expect({ file: err.file, line: err.line, key: err.key }).toEqual({
      file: path,
      line: c.line,
      key: c.key,
    });
    if (c.problem) expect(err.problem).toMatch(c.problem);
    expect(err.problem).not.toMatch(/\n|\^|Invalid TOML document/);
    expect(err.message.split('\n')[0]).toBe(`${path}:${c.line}: ${c.key}: ${err.problem}`);
  });

  test('reports every problem, one per line, in file order', () => {
    const path = writeConfig(
      '[restart]',
      'on_config_change = "x"',
      'drain_timeout_s = "2m"',
      '[ingress]',
      'bogus = 1',
    );
    const err = loadError(path);
    expect(err.issues.map((i) => [i.line, i.key])).toEqual([
      [2, 'restart.on_config_change'],
      [3, 'restart.drain_timeout_s'],
      [5, 'ingress.bogus'],
    ]);
    expect(err.message.split('\n')).toHaveLength(3);
    expect(err.message.split('\n')[2]).toBe(`${path}:5: ingress.bogus: unknown key "bogus"`);
  });

  test('a bad env override names the variable instead of the file', () => {
    const path = writeConfig('[restart]', 'drain_timeout_s = 10');
    const err = loadError(path, { FERRY__RESTART__DRAIN_TIMEOUT_S: '2m' });
    expect(err.code).toBe('FERRY_CONFIG_INVALID');
    expect(err.file).toBe('env FERRY__RESTART__DRAIN_TIMEOUT_S');
    expect(err.line).toBeUndefined();
    expect(err.key).toBe('restart.drain_timeout_s');
    expect(err.message).toBe(
      'env FERRY__RESTART__DRAIN_TIMEOUT_S: restart.drain_timeout_s: expected number, got string "2m"',
    );
  });
});
