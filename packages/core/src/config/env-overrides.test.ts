import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { ConfigInvalidError } from './config-invalid-error.js';
import { loadConfig } from './load-config.js';

function writeConfig(...lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-env-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'ferry.toml');
  writeFileSync(path, lines.join('\n'));
  return path;
}

function loadError(path: string, env: NodeJS.ProcessEnv): ConfigInvalidError {
  try {
    loadConfig(path, env);
  } catch (err) {
    if (err instanceof ConfigInvalidError) return err;
    throw err;
  }
  throw new Error('expected loadConfig to reject the override');
}

describe('env overrides FERRY__A__B', () => {
  test('replace a key in the file, matched case-insensitively', () => {
    const path = writeConfig('[transports.Telegram]', 'Bot_Token = "from-file"');
    const loaded = loadConfig(path, { FERRY__TRANSPORTS__TELEGRAM__BOT_TOKEN: '1:from-env' });
    expect(loaded.raw.transports).toEqual({ Telegram: { Bot_Token: '1:from-env' } });
    expect(loaded.origin(['transports', 'Telegram', 'Bot_Token'])).toEqual({
      file: 'env FERRY__TRANSPORTS__TELEGRAM__BOT_TOKEN',
    });
    expect(loaded.envOverrides).toEqual([
      {
        name: 'FERRY__TRANSPORTS__TELEGRAM__BOT_TOKEN',
        path: ['transports', 'Telegram', 'Bot_Token'],
        value: '1:from-env',
      },
    ]);
  });

  test('set keys the file does not have, by their schema name or else lower-cased', () => {
    const path = writeConfig('default_engine = "claude"');
    const loaded = loadConfig(path, {
      FERRY__RESTART__DRAIN_TIMEOUT_S: '30',
      FERRY__TRANSPORTS__SLACK__APP_TOKEN: 'xapp-1',
    });
    expect(loaded.config.restart.drain_timeout_s).toBe(30);
    expect(loaded.config.transports.slack).toEqual({ app_token: 'xapp-1' });
  });

  test('read values as TOML when they parse, else as raw strings', () => {
    const path = writeConfig('default_engine = "claude"');
    const loaded = loadConfig(path, {
      FERRY__RESTART__AUTO_RESUME: 'true',
      FERRY__PLUGINS__ENABLED: '["a", "b"]',
      FERRY__PLUGINS__PATHS: '[]',
      FERRY__TRANSPORTS__TELEGRAM__CHAT_ID: '-100123',
      FERRY__TRANSPORTS__TELEGRAM__BOT_TOKEN: '123:ABC-def',
      FERRY__TRANSPORTS__TELEGRAM__NAME: '"120"',
      FERRY__TRANSPORTS__TELEGRAM__NOTE: '1\nsmuggled = 2',
    });
    expect(loaded.config.restart.auto_resume).toBe(true);
    expect(loaded.config.plugins.enabled).toEqual(['a', 'b']);
    expect(loaded.config.transports.telegram).toEqual({
      chat_id: -100123,
      bot_token: '123:ABC-def',
      name: '120',
      note: '1\nsmuggled = 2',
    });
  });

  test('set variables in [engines.<id>.env], keeping the case of new variable names', () => {
    const path = writeConfig('[engines.claude.env]', 'Existing_Var = "old"');
    const loaded = loadConfig(path, {
      FERRY__ENGINES__CLAUDE__ENV__EXISTING_VAR: 'new',
      FERRY__ENGINES__CLAUDE__ENV__ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/',
      FERRY__ENGINES__CODEX__ENV__OPENAI_API_KEY: 'sk-1',
    });
    expect(loaded.config.engines.claude).toEqual({
      env: { Existing_Var: 'new', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/' },
    });
    expect(loaded.config.engines.codex).toEqual({ env: { OPENAI_API_KEY: 'sk-1' } });
  });

  test('address an existing [[array]] element by index', () => {
    const path = writeConfig(
      '[[triggers.crons]]',
      'id = "daily"',
      'schedule = "0 9 * * *"',
      'prompt = "report"',
      'chat = "telegram:1"',
    );
    const loaded = loadConfig(path, { FERRY__TRIGGERS__CRONS__0__SCHEDULE: '0 7 * * *' });
    expect(loaded.config.triggers.crons[0]?.schedule).toBe('0 7 * * *');
    const err = loadError(path, { FERRY__TRIGGERS__CRONS__3__SCHEDULE: 'x' });
    expect([err.file, err.key]).toEqual([
      'env FERRY__TRIGGERS__CRONS__3__SCHEDULE',
      'triggers.crons[3].schedule',
    ]);
  });

  test('apply a deeper variable after a whole-table one', () => {
    const path = writeConfig('default_engine = "claude"');
    const loaded = loadConfig(path, {
      FERRY__RESTART__AUTO_RESUME: 'true',
      FERRY__RESTART: '{ drain_timeout_s = 5 }',
    });
    expect(loaded.config.restart).toMatchObject({ drain_timeout_s: 5, auto_resume: true });
  });

  test('ignore variables without the FERRY__ prefix', () => {
    const path = writeConfig('default_engine = "claude"');
    const loaded = loadConfig(path, { FERRY_CONFIG_PATH: '/elsewhere.toml', ferry__log_level: 'debug' });
    expect(loaded.envOverrides).toEqual([]);
    expect(loaded.config.log_level).toBe('info');
  });

  test('an unknown key set by a variable is reported against the variable', () => {
    const path = writeConfig('[restart]', 'auto_resume = true');
    const err = loadError(path, { FERRY__RESTART__DRAIN_TIMEOUT: '5' });
    expect(err.code).toBe('FERRY_CONFIG_INVALID');
    expect([err.file, err.line, err.key]).toEqual([
      'env FERRY__RESTART__DRAIN_TIMEOUT',
      undefined,
      'restart.drain_timeout',
    ]);
  });

  test('a key below a plain value is FERRY_CONFIG_INVALID naming the variable', () => {
    const path = writeConfig('default_engine = "claude"');
    const err = loadError(path, { FERRY__DEFAULT_ENGINE__NAME: 'x' });
    expect(err.code).toBe('FERRY_CONFIG_INVALID');
    expect([err.file, err.key]).toEqual(['env FERRY__DEFAULT_ENGINE__NAME', 'default_engine.name']);
    expect(err.problem).toMatch(/not a table/);
  });

  test('an empty level (FERRY__A____B) is FERRY_CONFIG_INVALID', () => {
    const path = writeConfig('default_engine = "claude"');
    const err = loadError(path, { FERRY__RESTART____AUTO_RESUME: 'true' });
    expect(err.code).toBe('FERRY_CONFIG_INVALID');
    expect(err.file).toBe('env FERRY__RESTART____AUTO_RESUME');
  });
});
