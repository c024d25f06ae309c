import { definePlugin, ENGINE_RUNNER } from '@ferry/core';
import { claudeConfigSchema } from './claude-config.js';
import { ClaudeRunner } from './claude-runner.js';

/** Claude Code (`claude` CLI) as a Ferry engine. Its config arrives as PLUGIN_CONFIG. */
export default definePlugin({
  kind: 'engine',
  id: 'claude',
  configSchema: claudeConfigSchema,
  register(container) {
    container.registerSingleton(ENGINE_RUNNER, ClaudeRunner);
  },
});
