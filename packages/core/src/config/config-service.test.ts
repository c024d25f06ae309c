import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { container } from 'tsyringe';
import { describe, expect, onTestFinished, test } from 'vitest';
import { ConfigService, INITIAL_CONFIG } from './config-service.js';
import { loadConfig } from './load-config.js';

function writeConfig(dir: string, ...lines: string[]) {
  const path = join(dir, 'ferry.toml');
  writeFileSync(path, lines.join('\n'));
  return loadConfig(path, {});
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-service-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('ConfigService', () => {
  test('resolves from a container holding the initial config and exposes it', () => {
    const dir = tempDir();
    const loaded = writeConfig(dir, 'default_engine = "codex"');
    const scope = container.createChildContainer();
    onTestFinished(() => scope.dispose());
    scope.register(INITIAL_CONFIG, { useValue: loaded });
    const service = scope.resolve(ConfigService);
    expect(service.path).toBe(join(dir, 'ferry.toml'));
    expect(service.stateDir).toBe(dir);
    expect(service.current.default_engine).toBe('codex');
    expect(service.loaded).toBe(loaded);
  });

  test('replace() swaps the config and returns the keys whose effective values changed', () => {
    const dir = tempDir();
    const service = new ConfigService(writeConfig(dir, '[restart]', 'drain_timeout_s = 120'));
    // 120 is the default, so dropping the key changes nothing; only log_level does.
    const next = writeConfig(dir, 'log_level = "debug"');
    expect(service.replace(next)).toEqual(['log_level']);
    expect(service.current.log_level).toBe('debug');
    expect(service.replace(next)).toEqual([]);
  });
});
