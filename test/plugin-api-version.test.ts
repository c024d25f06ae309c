import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLUGIN_API_VERSION } from '../packages/core/src/api/plugin.js';
import { ferry, instanceDir, startDaemon } from './support/daemon.js';

/** A command plugin in plain JS (no imports at all), declaring `apiVersion`. */
function commandPlugin(root: string, name: string, id: string, apiVersion: string): void {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name,
      version: '1.0.0',
      type: 'module',
      ferry: { apiVersion, plugins: [{ kind: 'command', id, entry: './index.js' }] },
    }),
  );
  writeFileSync(
    join(dir, 'index.js'),
    `const command = { id: '${id}', description: 'says hello', async handle(ctx) {
  // API 1.0's context: reply(text) and runPrompt still work unchanged
  await ctx.reply('hello from API ${apiVersion} in ' + ctx.chat.transport);
} };
export default { kind: 'command', id: '${id}', register(c) { c.register(Symbol.for('ferry.command'), { useValue: command }); } };
`,
  );
}

describe('plugin API versions through the daemon', () => {
  const [major, minor] = PLUGIN_API_VERSION.split('.').map(Number) as [number, number];
  const newer = `${major}.${minor + 1}`;

  it(`refuses a plugin declaring a newer minor (${newer} on a ${PLUGIN_API_VERSION} host), naming both; 1.0 plugins still load`, async () => {
    expect(PLUGIN_API_VERSION).toBe('1.3'); // 1.1: commands API; 1.2: approval events; 1.3: modes, questions (all additive)
    const { dir, config } = instanceDir();
    commandPlugin(join(dir, 'extra'), 'ferry-command-future', 'future', newer);
    commandPlugin(join(dir, 'extra'), 'ferry-command-classic', 'classic', '1.0');
    writeFileSync(
      config,
      'default_engine = "demo"\n[transports.console]\n[engines.demo]\ndelay_ms = 20\n[plugins]\npaths = ["extra"]\n',
    );

    const list = ferry(['plugins', 'list'], { FERRY_CONFIG_PATH: config });
    expect(list.code).toBe(0);
    const future = list.stdout.split('\n').find((l) => l.startsWith('command:future'))!;
    expect(future).toContain('ferry-command-future@1.0.0  (path)  FAILED:');
    expect(future).toContain(
      `is written for plugin API ${newer}, but this Ferry implements plugin API ${PLUGIN_API_VERSION}`,
    );
    expect(list.stdout).toMatch(/command:classic {2}ferry-command-classic@1\.0\.0 {2}\(path\) {2}loaded/);
    const json = JSON.parse(ferry(['plugins', 'list', '--json'], { FERRY_CONFIG_PATH: config }).stdout) as {
      plugins: { id: string; status: string; problem?: { code: string } }[];
    };
    expect(json.plugins.find((p) => p.id === 'future')).toMatchObject({
      status: 'failed',
      problem: { code: 'FERRY_PLUGIN_API_VERSION' },
    });

    // the daemon starts without the refused plugin and runs the 1.0 one
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    d.say('/classic');
    await d.waitForStdout(/hello from API 1\.0 in console/);
    d.say('/future');
    await d.waitForStdout(/Unknown command \/future/);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
