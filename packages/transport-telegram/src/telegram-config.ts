import { z } from 'zod';

/** A Telegram id as written in ferry.toml: a number, or the same number quoted. */
const telegramId = z
  .union([
    z.number().int(),
    z.string().regex(/^-?\d+$/, 'expected a numeric Telegram id, e.g. -1001234567890'),
  ])
  .transform(String);

/**
 * `[transports.telegram]`. Pacing knobs default to Telegram's published limits
 * (PLATFORMS.md); tests shrink them.
 */
export const telegramConfigSchema = z
  .object({
    bot_token: z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]+$/, 'expected the token BotFather gave, like 123456789:AAE…'),
    /** The main (admin) chat: anyone in it may talk to Ferry. */
    chat_id: telegramId.optional(),
    /** Users who may talk to Ferry in a private chat with the bot. */
    allowed_user_ids: z.array(telegramId).default([]),
    api_root: z
      .url()
      .default('https://api.telegram.org')
      .transform((url) => url.replace(/\/+$/, '')),
    /** Long-poll wait per getUpdates call (Telegram allows up to 50). */
    poll_timeout_s: z.number().int().min(0).max(50).default(25),
    /** Least time between two requests that touch one private chat. */
    private_interval_ms: z.number().int().min(0).max(60_000).default(1000),
    /** Least time between two requests that touch one group (Telegram: 20 messages a minute). */
    group_interval_ms: z.number().int().min(0).max(60_000).default(3000),
    /** Least time between any two message requests of the bot (Telegram: 30 a second). */
    global_interval_ms: z.number().int().min(0).max(10_000).default(34),
    /** First wait after a network error or 5xx; doubles up to retry_max_ms. */
    retry_base_ms: z.number().int().min(1).max(60_000).default(1000),
    retry_max_ms: z.number().int().min(1).max(600_000).default(30_000),
    /** Attempts per outgoing request before it fails (429 waits do not count). */
    max_attempts: z.number().int().min(1).max(20).default(6),
    /** How long stop() waits for queued messages to go out. */
    stop_timeout_ms: z.number().int().min(0).max(120_000).default(10_000),
  })
  .strict();

export type TelegramConfig = z.output<typeof telegramConfigSchema>;

/** Keys that can change while running; the others need a new poller (restart). */
export const HOT_KEYS: ReadonlySet<string> = new Set([
  'chat_id',
  'allowed_user_ids',
  'private_interval_ms',
  'group_interval_ms',
  'global_interval_ms',
  'retry_base_ms',
  'retry_max_ms',
  'max_attempts',
  'stop_timeout_ms',
]);
