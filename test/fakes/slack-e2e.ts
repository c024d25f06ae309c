/*
 * Helpers for the Slack end-to-end tests: a fake Slack per test and the ferry.toml that points
 * the real daemon's Slack transport at it, with the demo engine behind.
 */
import { onTestFinished } from 'vitest';
import { type FakeSlackOptions, FakeSlackServer, type StoredMessage } from './slack-server.js';

export const ALICE = 'U0ALICE';
export const CHANNEL = 'C0FERRY';

export async function fakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlackServer> {
  const fake = await FakeSlackServer.start(options);
  onTestFinished(() => fake.close());
  return fake;
}

/** ferry.toml: demo engine, Slack at the fake; `slack` adds lines to `[transports.slack]`. */
export function slackConfig(fake: FakeSlackServer, slack = '', rest = ''): string {
  return `default_engine = "demo"
[engines.demo]
delay_ms = 20
${slackSection(fake, slack)}
${rest}`;
}

/** Just the `[transports.slack]` table, for configs that run other transports too. */
export function slackSection(fake: FakeSlackServer, slack = ''): string {
  return `[transports.slack]
bot_token = "${fake.botToken}"
app_token = "${fake.appToken}"
signing_secret = "${fake.signingSecret}"
api_url = "${fake.apiUrl}"
channel_ids = ["${CHANNEL}"]
allowed_user_ids = ["${ALICE}"]
edit_interval_ms = 100
channel_interval_ms = 0
ping_timeout_ms = 400
api_retries = 1
${slack}`;
}

/** The demo engine's answers (they end with the footer) in one thread. */
export function answers(fake: FakeSlackServer, thread: string): StoredMessage[] {
  return fake.botMessages({ channel: CHANNEL, thread }).filter((m) => m.text.includes('_— demo'));
}

/** Resolves once `thread` has at least `n` answers. */
export function waitForAnswers(
  fake: FakeSlackServer,
  thread: string,
  n = 1,
  timeoutMs = 15_000,
): Promise<void> {
  return fake.waitFor(
    () => answers(fake, thread).length >= n,
    timeoutMs,
    `${n} answer(s) in thread ${thread}`,
  );
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
