import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { z } from 'zod';
import { ConfigInvalidError } from './config-invalid-error.js';
import { loadConfig, validateSection } from './load-config.js';

function writeConfig(...lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-section-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'ferry.toml');
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('validateSection', () => {
  const telegram = z
    .object({
      bot_token: z.string().regex(/^\d+:/),
      chat_id: z.number().int(),
      api_root: z.string().default('https://api.telegram.org'),
    })
    .strict();

  test("returns the plugin schema's parsed value, defaults applied", () => {
    const path = writeConfig('[transports.telegram]', 'bot_token = "1:abc"', 'chat_id = -100');
    const section = validateSection(loadConfig(path, {}), ['transports', 'telegram'], telegram);
    expect(section).toEqual({ bot_token: '1:abc', chat_id: -100, api_root: 'https://api.telegram.org' });
  });

  test('errors carry full key paths and file lines, and hide secret values', () => {
    const path = writeConfig(
      'log_level = "info"',
      '[transports.telegram]',
      'bot_token = "oops"',
      'chatid = 5',
    );
    let err: ConfigInvalidError | undefined;
    try {
      validateSection(loadConfig(path, {}), ['transports', 'telegram'], telegram);
    } catch (e) {
      err = e as ConfigInvalidError;
    }
    expect(err?.code).toBe('FERRY_CONFIG_INVALID');
    expect(err?.issues.map((i) => [i.file, i.line, i.key])).toEqual([
      [path, 2, 'transports.telegram.chat_id'],
      [path, 3, 'transports.telegram.bot_token'],
      [path, 4, 'transports.telegram.chatid'],
    ]);
    expect(err?.issues[1]?.problem).toBe('must match /^\\d+:/, got string (value hidden)');
    expect(err?.issues[2]?.problem).toBe('unknown key "chatid" (did you mean "chat_id"?)');
    expect(err?.message).not.toContain('oops');
  });

  test('an absent table is validated as an empty one', () => {
    const path = writeConfig('default_engine = "claude"');
    const loaded = loadConfig(path, {});
    const schema = z.object({ path: z.string().default('claude') });
    expect(validateSection(loaded, ['engines', 'claude'], schema)).toEqual({ path: 'claude' });
    expect(() => validateSection(loaded, ['transports', 'telegram'], telegram)).toThrow(ConfigInvalidError);
  });

  test('a value set by an env override is reported against the variable', () => {
    const path = writeConfig('[transports.telegram]', 'bot_token = "1:abc"', 'chat_id = 5');
    const loaded = loadConfig(path, { FERRY__TRANSPORTS__TELEGRAM__CHAT_ID: 'main' });
    let err: ConfigInvalidError | undefined;
    try {
      validateSection(loaded, ['transports', 'telegram'], telegram);
    } catch (e) {
      err = e as ConfigInvalidError;
    }
    expect([err?.file, err?.line, err?.key]).toEqual([
      'env FERRY__TRANSPORTS__TELEGRAM__CHAT_ID',
      undefined,
      'transports.telegram.chat_id',
    ]);
  });
});
