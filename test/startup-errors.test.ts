import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ferry, instanceDir, startDaemon } from './support/daemon.js';

/** A plugin package on disk whose entry throws when imported. */
function brokenPlugin(root: string, kind: string, id: string): string {
  const dir = join(root, `broken-${id}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: `broken-${id}`,
      version: '1.0.0',
      type: 'module',
      ferry: { apiVersion: '1.0', plugins: [{ kind, id, entry: './index.js' }] },
    }),
  );
  writeFileSync(join(dir, 'index.js'), `throw new Error('boom in ${id}');\n`);
  return dir;
}

function oneErrorLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l.startsWith('error:'));
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe('startup failures are one clear line and exit 1', () => {
  it('names file, line and key of an invalid config', () => {
    const { config } = instanceDir('default_engine = "demo"\n[restart]\ndrain_timeout_s = "2m"\n');
    const r = ferry(['run'], { FERRY_CONFIG_PATH: config });
    expect(r.code).toBe(1);
    expect(oneErrorLine(r.stderr)).toBe(
      `error: ${config}:3: restart.drain_timeout_s: expected number, got string "2m"`,
    );
  });

  it('names what was looked for and where when the default engine does not exist', () => {
    const { config } = instanceDir('default_engine = "nosuch"\n[transports.console]\n');
    const r = ferry(['run'], { FERRY_CONFIG_PATH: config });
    expect(r.code).toBe(1);
    const line = oneErrorLine(r.stderr);
    expect(line).toMatch(/engine "nosuch"/);
    expect(line).toMatch(/node_modules/);
  });

  it('fails on a broken default engine, but only records a broken plugin nothing uses', async () => {
    const { dir, config } = instanceDir();
    const plugins = join(dir, 'extra');
    brokenPlugin(plugins, 'engine', 'wobbly');
    brokenPlugin(plugins, 'command', 'flaky');
    writeFileSync(config, `default_engine = "wobbly"\n[transports.console]\n[plugins]\npaths = ["extra"]\n`);
    const fatal = ferry(['run'], { FERRY_CONFIG_PATH: config });
    expect(fatal.code).toBe(1);
    expect(oneErrorLine(fatal.stderr)).toMatch(/engine:wobbly.*boom in wobbly/);

    writeFileSync(config, `default_engine = "demo"\n[transports.console]\n[plugins]\npaths = ["extra"]\n`);
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    const list = ferry(['plugins', 'list'], { FERRY_CONFIG_PATH: config });
    expect(list.stdout).toMatch(/command:flaky .*FAILED: .*boom in flaky/);
    expect(list.stdout).toMatch(/engine:demo .*@ferry\/engine-demo/);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });

  it('exits 2 on a usage error', () => {
    const r = ferry(['config', 'get']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});
