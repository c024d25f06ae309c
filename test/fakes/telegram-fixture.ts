import { onTestFinished } from 'vitest';
import { TelegramServer, type TelegramServerOptions } from './telegram-server.js';

/** A fake Telegram for one test, closed when it ends. */
export async function telegramServer(options: TelegramServerOptions = {}): Promise<TelegramServer> {
  const server = await new TelegramServer(options).start();
  onTestFinished(() => server.close());
  return server;
}

export interface TelegramConfigOptions {
  readonly chatId?: number;
  readonly allowedUserIds?: readonly number[];
  /** Extra keys for [transports.telegram], as TOML lines. */
  readonly transport?: string;
  /** Extra TOML after the tables. */
  readonly extra?: string;
  readonly delayMs?: number;
  /** private_interval_ms (default 20) and group_interval_ms (default 40). */
  readonly privateIntervalMs?: number;
  readonly groupIntervalMs?: number;
}

/**
 * ferry.toml for the demo engine behind the fake Telegram, with pacing shrunk so tests run
 * in seconds (the knobs are real config keys; see docs/telegram.md).
 */
export function telegramConfig(server: TelegramServer, o: TelegramConfigOptions = {}): string {
  return `default_engine = "demo"
log_level = "debug"
[transports.telegram]
bot_token = "${server.token}"
api_root = "${server.url}"
${o.chatId !== undefined ? `chat_id = ${o.chatId}` : ''}
allowed_user_ids = [${(o.allowedUserIds ?? []).join(', ')}]
poll_timeout_s = 2
private_interval_ms = ${o.privateIntervalMs ?? 20}
group_interval_ms = ${o.groupIntervalMs ?? 40}
global_interval_ms = 0
retry_base_ms = 100
retry_max_ms = 1000
${o.transport ?? ''}
[engines.demo]
delay_ms = ${o.delayMs ?? 20}
${o.extra ?? ''}`;
}
