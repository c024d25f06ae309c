/**
 * @ferry/transport-slack — the Slack transport. The host loads `dist/plugin.js` through the
 * package's `ferry` manifest; these exports are for tests and for tools built on the pieces.
 */

export { escapeMrkdwn, markdownToMrkdwn } from './markdown-to-mrkdwn.js';
export { default } from './plugin.js';
export { type SlackConfig, slackConfigSchema } from './slack-config.js';
export {
  SlackApiError,
  SlackAuthError,
  SlackConnectError,
  SlackDownloadError,
  SlackSignatureError,
} from './slack-errors.js';
export { SlackPresenter, splitKeepingFences } from './slack-presenter.js';
export { SlackTransport } from './slack-transport.js';
