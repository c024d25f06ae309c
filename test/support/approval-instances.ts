/*
 * ferry.toml for the approval end-to-end tests: the fake claude (which speaks the control
 * protocol and replays the control-* recordings) behind a fake Telegram or Slack.
 */
import { join } from 'node:path';
import { slackConfig } from '../fakes/slack-e2e.js';
import type { FakeSlackServer } from '../fakes/slack-server.js';
import { type TelegramConfigOptions, telegramConfig } from '../fakes/telegram-fixture.js';
import type { TelegramServer } from '../fakes/telegram-server.js';
import { REPO } from './daemon.js';

const FAKE_CLAUDE = join(REPO, 'test/fakes/fake-claude.mjs');

/** `[approvals]` and `[engines.claude]`: asks in chat, answered within `timeoutS`. */
function claudeTables(timeoutS: number, mode = 'ask'): string {
  return `[approvals]
timeout_s = ${timeoutS}
mode = "${mode}"
[engines.claude]
path = "${FAKE_CLAUDE}"
grace_s = 2
[engines.claude.env]
FAKE_ENGINE_SPEED = "5"
`;
}

export function telegramClaudeConfig(
  tg: TelegramServer,
  o: TelegramConfigOptions & { timeoutS?: number } = {},
): string {
  return telegramConfig(tg, { ...o, extra: claudeTables(o.timeoutS ?? 300) }).replace(
    'default_engine = "demo"',
    'default_engine = "claude"',
  );
}

export function slackClaudeConfig(fake: FakeSlackServer, o: { timeoutS?: number } = {}): string {
  return slackConfig(fake, '', claudeTables(o.timeoutS ?? 300)).replace(
    'default_engine = "demo"',
    'default_engine = "claude"',
  );
}
