import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instanceDir, startDaemon } from './support/daemon.js';

/**
 * A plugin installed with its own copy of @ferry/core (as npm does for a peer dependency in
 * <state>/plugins) must still share the host's: the copy here throws if it is ever loaded.
 */
function echoPluginWithOwnCore(root: string): void {
  const dir = join(root, 'ferry-engine-echo');
  mkdirSync(join(dir, 'node_modules/@ferry/core'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: 'ferry-engine-echo',
      version: '1.0.0',
      type: 'module',
      ferry: { apiVersion: '1.0', plugins: [{ kind: 'engine', id: 'echo', entry: './index.js' }] },
    }),
  );
  writeFileSync(
    join(dir, 'node_modules/@ferry/core/package.json'),
    JSON.stringify({ name: '@ferry/core', version: '9.9.9', type: 'module', exports: './index.js' }),
  );
  writeFileSync(
    join(dir, 'node_modules/@ferry/core/index.js'),
    "throw new Error('the plugin loaded its own copy of @ferry/core');\n",
  );
  writeFileSync(
    join(dir, 'index.js'),
    `import { definePlugin, ENGINE_RUNNER, inject, injectable, PLUGIN_CONTEXT } from '@ferry/core';
class EchoRunner {
  constructor(ctx) { this.ctx = ctx; }
  resume = { format: (t) => 'echo ' + t, extract: () => undefined };
  async *run(req) {
    yield { type: 'started', resume: 'e1' };
    yield { type: 'completed', ok: true, answer: 'echo from ' + this.ctx.id + ': ' + req.prompt };
  }
}
// what TypeScript's decorators compile to, by hand in plain JS (parameter decorators first)
inject(PLUGIN_CONTEXT)(EchoRunner, undefined, 0);
injectable()(EchoRunner);
export default definePlugin({ kind: 'engine', id: 'echo', register(c) { c.register(ENGINE_RUNNER, { useClass: EchoRunner }); } });
`,
  );
}

describe('plugins share the host’s @ferry/core', () => {
  it('runs an injectable engine from a plugin that ships its own copy of core', async () => {
    const { dir, config } = instanceDir();
    echoPluginWithOwnCore(join(dir, 'extra'));
    writeFileSync(config, 'default_engine = "echo"\n[transports.console]\n[plugins]\npaths = ["extra"]\n');
    const d = startDaemon(config);
    await d.waitForLog('ferry is ready');
    d.say('hello');
    await d.waitForStdout(/echo from echo: hello/);
    d.proc.kill('SIGTERM');
    expect((await d.exit).code).toBe(0);
  });
});
