import { COMMAND, definePlugin } from '@ferry/core';
import { GitCommand } from './git-command.js';
import { gitConfigSchema } from './git-config.js';

/** `/git`: a third-party command plugin written against @ferry/core's public API only. */
export default definePlugin({
  kind: 'command',
  id: 'git',
  configSchema: gitConfigSchema, // validates [plugins.git]
  register(container) {
    // PLUGIN_CONFIG (the parsed [plugins.git]) and PLUGIN_CONTEXT are already in this container
    container.registerSingleton(COMMAND, GitCommand);
  },
});
