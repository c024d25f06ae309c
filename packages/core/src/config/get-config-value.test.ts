import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { getConfigValue } from './get-config-value.js';
import { loadConfig } from './load-config.js';

function load(env: NodeJS.ProcessEnv, ...lines: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-get-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'ferry.toml');
  writeFileSync(path, lines.join('\n'));
  return loadConfig(path, env);
}

describe('getConfigValue', () => {
  test('returns the effective value: file, then env override, then default', () => {
    const loaded = load(
      { FERRY__RESTART__AUTO_RESUME: 'true' },
      '[restart]',
      'auto_resume = false',
      '[projects."my.app"]',
      'path = "/srv/app"',
      '[[triggers.crons]]',
      'id = "a"',
      'schedule = "* * * * *"',
      'prompt = "p"',
      'chat = "telegram:1"',
    );
    expect(getConfigValue(loaded, 'restart.auto_resume')).toBe(true);
    expect(getConfigValue(loaded, 'restart.drain_timeout_s')).toBe(120);
    expect(getConfigValue(loaded, 'projects."my.app".path')).toBe('/srv/app');
    expect(getConfigValue(loaded, 'triggers.crons[0].chat')).toBe('telegram:1');
    expect(getConfigValue(loaded, 'triggers.crons.0.id')).toBe('a');
    expect(getConfigValue(loaded, 'triggers.server')).toMatchObject({ host: '127.0.0.1', port: 9876 });
  });

  test('is undefined for an unset key and FERRY_CONFIG_KEY for a malformed one', () => {
    const loaded = load({}, 'default_engine = "claude"');
    expect(getConfigValue(loaded, 'transports.telegram.bot_token')).toBeUndefined();
    expect(getConfigValue(loaded, 'default_engine.x')).toBeUndefined();
    expect(() => getConfigValue(loaded, 'a..b')).toThrow(
      expect.objectContaining({ code: 'FERRY_CONFIG_KEY' }),
    );
  });
});
