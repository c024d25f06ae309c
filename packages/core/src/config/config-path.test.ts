import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveConfigPath, stateDirOf } from './config-path.js';

describe('resolveConfigPath', () => {
  test('defaults to ~/.ferry/ferry.toml', () => {
    expect(resolveConfigPath({ HOME: '/home/me' })).toBe('/home/me/.ferry/ferry.toml');
  });

  test('takes FERRY_CONFIG_PATH, made absolute, with ~/ expanded', () => {
    expect(resolveConfigPath({ HOME: '/home/me', FERRY_CONFIG_PATH: '/etc/ferry/dev.toml' })).toBe(
      '/etc/ferry/dev.toml',
    );
    expect(resolveConfigPath({ HOME: '/home/me', FERRY_CONFIG_PATH: 'dev/ferry.toml' })).toBe(
      resolve(process.cwd(), 'dev/ferry.toml'),
    );
    expect(resolveConfigPath({ HOME: '/home/me', FERRY_CONFIG_PATH: '~/dev/ferry.toml' })).toBe(
      '/home/me/dev/ferry.toml',
    );
  });

  test('treats an empty FERRY_CONFIG_PATH as unset', () => {
    expect(resolveConfigPath({ HOME: '/home/me', FERRY_CONFIG_PATH: '' })).toBe('/home/me/.ferry/ferry.toml');
  });
});

describe('stateDirOf', () => {
  test("is the config file's directory, so instances never share state", () => {
    expect(stateDirOf('/srv/ferry-dev/ferry.toml')).toBe('/srv/ferry-dev');
    expect(stateDirOf('rel/ferry.toml')).toBe(join(process.cwd(), 'rel'));
  });
});
