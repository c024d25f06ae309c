import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { ConfigInvalidError } from './config-invalid-error.js';
import { setConfigValue } from './edit-config.js';
import { loadConfig } from './load-config.js';

const original = [
  '# Ferry config: edited by hand and by `ferry config set`',
  'default_engine = "claude"  # the engine for new chats',
  '',
  '[restart]',
  '# how long a restart waits for runs',
  'drain_timeout_s = 120',
  '',
  '# chat transports',
  '[transports.telegram]',
  'bot_token = "1:abc"',
  '',
].join('\n');

function writeConfig(text = original, mode = 0o640): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-edit-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'ferry.toml');
  writeFileSync(path, text);
  chmodSync(path, mode);
  return { dir, path };
}

async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await promise;
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('expected the edit to be refused');
}

describe('setConfigValue', () => {
  test('changes one value and leaves every comment and blank line alone', async () => {
    const { path } = writeConfig();
    const loaded = await setConfigValue(path, 'restart.drain_timeout_s', '30');
    expect(readFileSync(path, 'utf8')).toBe(
      original.replace('drain_timeout_s = 120', 'drain_timeout_s = 30'),
    );
    expect(loaded.config.restart.drain_timeout_s).toBe(30);
  });

  test('adds a missing key to its table and a missing table at the end', async () => {
    const { path } = writeConfig();
    await setConfigValue(path, 'transports.telegram.chat_id', '-100123');
    await setConfigValue(path, 'triggers.server.port', '9000');
    expect(readFileSync(path, 'utf8')).toBe(
      `${original.replace('bot_token = "1:abc"\n', 'bot_token = "1:abc"\nchat_id = -100123\n')}\n[triggers.server]\nport = 9000\n`,
    );
    expect(loadConfig(path, {}).config.triggers.server.port).toBe(9000);
  });

  test('writes a value that is not TOML as a quoted string', async () => {
    const { path } = writeConfig();
    await setConfigValue(path, 'transports.telegram.bot_token', '123:XYZ "quoted"');
    expect(readFileSync(path, 'utf8')).toContain('bot_token = "123:XYZ \\"quoted\\""');
    expect(loadConfig(path, {}).config.transports.telegram).toEqual({ bot_token: '123:XYZ "quoted"' });
  });

  test('refuses an edit that would make the config invalid and leaves the file byte for byte', async () => {
    const { path } = writeConfig();
    const before = readFileSync(path);
    const err = await rejection(setConfigValue(path, 'restart.drain_timeout_s', '-1'));
    expect(err.code).toBe('FERRY_CONFIG_INVALID');
    expect((err as ConfigInvalidError).line).toBe(6);
    expect((err as ConfigInvalidError).key).toBe('restart.drain_timeout_s');
    const unknown = await rejection(setConfigValue(path, 'restart.drain_timeout', '5'));
    expect(unknown.code).toBe('FERRY_CONFIG_INVALID');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  test("refuses when the caller's own check (a plugin schema) rejects the result", async () => {
    const { path } = writeConfig();
    const before = readFileSync(path);
    const err = await rejection(
      setConfigValue(path, 'transports.telegram.bot_token', 'nope', {
        validate: (next) => {
          if (!String(next.config.transports.telegram?.bot_token).includes(':')) {
            throw new ConfigInvalidError({
              file: next.path,
              key: 'transports.telegram.bot_token',
              problem: 'bad',
            });
          }
        },
      }),
    );
    expect(err.code).toBe('FERRY_CONFIG_INVALID');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  test('keeps the file mode and leaves no temp file behind', async () => {
    const { dir, path } = writeConfig(original, 0o640);
    await setConfigValue(path, 'restart.auto_resume', 'true');
    expect(statSync(path).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['ferry.toml']);
  });

  test("validates the file without the caller's env overrides unless asked to", async () => {
    const { path } = writeConfig();
    await setConfigValue(path, 'restart.auto_resume', 'true', {});
    const err = await rejection(
      setConfigValue(path, 'restart.auto_resume', 'false', {
        env: { FERRY__RESTART__DRAIN_TIMEOUT_S: 'soon' },
      }),
    );
    expect(err.code).toBe('FERRY_CONFIG_INVALID');
  });

  test('a bad key path or a missing file is refused with its own code', async () => {
    const { dir, path } = writeConfig();
    expect((await rejection(setConfigValue(path, 'restart..x', '1'))).code).toBe('FERRY_CONFIG_KEY');
    expect((await rejection(setConfigValue(path, 'restart', '1'))).code).toBe('FERRY_CONFIG_KEY');
    expect((await rejection(setConfigValue(join(dir, 'none.toml'), 'log_level', 'debug'))).code).toBe(
      'FERRY_CONFIG_NOT_FOUND',
    );
  });
});
