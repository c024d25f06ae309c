import { z } from 'zod';

/** `[transports.slack]`; every key is documented in docs/slack.md. */
export const slackConfigSchema = z
  .object({
    /** `socket` (outbound WebSocket, no public URL) or `http` (Slack POSTs signed requests to us). */
    mode: z.enum(['socket', 'http']).default('socket'),
    /** App-level token (`xapp-…`, scope `connections:write`); Socket Mode only. */
    app_token: z.string().min(1).optional(),
    /** Bot token (`xoxb-…`). */
    bot_token: z.string().min(1),
    /** Verifies HTTP-mode requests. */
    signing_secret: z.string().min(1).optional(),
    /** Web API base; Socket Mode's apps.connections.open goes here too. */
    api_url: z
      .url()
      .default('https://slack.com/api/')
      .transform((u) => (u.endsWith('/') ? u : `${u}/`)),
    /** Channels where a mention starts a run. */
    channel_ids: z.array(z.string().regex(/^[CG][A-Z0-9]+$/, 'a channel id like C0123ABC')).default([]),
    /** Users who may talk to Ferry; empty = anyone in `channel_ids` (DMs need a listed user). */
    allowed_user_ids: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'a user id like U0123ABC')).default([]),
    /** The slash command this app defines in its manifest. */
    slash_command: z
      .string()
      .regex(/^\/[a-z0-9_-]{1,31}$/)
      .default('/ferry'),
    http: z
      .object({
        host: z.string().min(1).default('127.0.0.1'),
        /** 0 = any free port (logged at start). */
        port: z.number().int().min(0).max(65_535).default(3000),
        path: z.string().startsWith('/').default('/slack/events'),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 3000, path: '/slack/events' }),
    /** Least time between two edits of one progress message. */
    edit_interval_ms: z.number().int().min(0).max(60_000).default(1500),
    /** Least time between two writes (post, update, delete) in one channel. */
    channel_interval_ms: z.number().int().min(0).max(60_000).default(1000),
    /** Longest message text; longer answers are split. */
    max_text_length: z.number().int().min(500).max(40_000).default(3900),
    /** Retries of a failed Web API call (network errors, 5xx, 429 after its Retry-After). */
    api_retries: z.number().int().min(0).max(20).default(5),
    /** Socket Mode: how long a ping may wait for its pong before the connection counts as dead. */
    ping_timeout_ms: z.number().int().min(100).max(60_000).default(5000),
    /** Catch-up after downtime: at most this many recent threads are re-read. */
    catch_up_threads: z.number().int().min(0).max(1000).default(50),
    /** Catch-up reads at most this many messages per channel. */
    catch_up_messages: z.number().int().min(1).max(10_000).default(1000),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.mode === 'socket' && !c.app_token) {
      ctx.addIssue({
        code: 'custom',
        path: ['app_token'],
        message: 'Socket Mode needs an app-level token (xapp-…)',
      });
    }
    if (c.mode === 'http' && !c.signing_secret) {
      ctx.addIssue({
        code: 'custom',
        path: ['signing_secret'],
        message: 'HTTP mode needs the app’s signing secret',
      });
    }
  });

export type SlackConfig = z.output<typeof slackConfigSchema>;
