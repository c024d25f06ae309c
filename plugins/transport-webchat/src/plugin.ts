import { definePlugin, TRANSPORT } from '@ferry/core';
import { webchatConfigSchema } from './webchat-config.js';
import { WebchatTransport } from './webchat-transport.js';

/** The webchat transport (`[transports.webchat]`): a chat page on 127.0.0.1; see the README. */
export default definePlugin({
  kind: 'transport',
  id: 'webchat',
  configSchema: webchatConfigSchema,
  register(container) {
    container.registerSingleton(TRANSPORT, WebchatTransport);
  },
});
