import { definePlugin, ENGINE_RUNNER } from '@ferry/core';
import { codexConfigSchema } from './codex-config.js';
import { CodexRunner } from './codex-runner.js';

/** OpenAI Codex (`codex exec --json`) as a Ferry engine. Its config arrives as PLUGIN_CONFIG. */
export default definePlugin({
  kind: 'engine',
  id: 'codex',
  configSchema: codexConfigSchema,
  register(container) {
    container.registerSingleton(ENGINE_RUNNER, CodexRunner);
  },
});
