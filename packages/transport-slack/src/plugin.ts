import { definePlugin, TRANSPORT } from '@ferry/core';
import { slackConfigSchema } from './slack-config.js';
import { SlackTransport } from './slack-transport.js';

/** The Slack transport (`[transports.slack]`); see docs/slack.md. */
export default definePlugin({
  kind: 'transport',
  id: 'slack',
  configSchema: slackConfigSchema,
  register(container) {
    container.registerSingleton(TRANSPORT, SlackTransport);
  },
});
