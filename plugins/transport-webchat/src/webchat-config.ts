import { isIP } from 'node:net';
import { z } from 'zod';

/** A chat id as it appears in `webchat:<id>` and in the page's `?chat=` parameter. */
export const CHAT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** `[transports.webchat]`; every key is documented in the plugin's README. */
export const webchatConfigSchema = z
  .object({
    /** Where the page is served. Loopback only unless `allow_remote`. */
    host: z.string().min(1).default('127.0.0.1'),
    /**
     * 0 = any free port (logged at start). A fixed port is what lets an open page reconnect
     * after a restart, so the default is fixed.
     */
    port: z.number().int().min(0).max(65_535).default(8765),
    /** Required by the page and every API call; long and random (`openssl rand -hex 24`). */
    token: z
      .string()
      .min(16, 'use a long random token (at least 16 characters), e.g. `openssl rand -hex 24`'),
    /** Serve on a non-loopback address. Anyone who can reach it and knows the token can run agents. */
    allow_remote: z.boolean().default(false),
    /** Chat (the part after `webchat:`) that receives operator notices besides the open pages. */
    admin_chat: z.string().regex(CHAT_ID_PATTERN, 'letters, digits, _ and -, at most 64').optional(),
    /** Messages kept per chat for pages that reconnect or reload; older ones are dropped. */
    history: z.number().int().min(10).max(10_000).default(200),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (!c.allow_remote && !isLoopback(c.host)) {
      ctx.addIssue({
        code: 'custom',
        path: ['host'],
        message: `"${c.host}" is not a loopback address; use 127.0.0.1, or set allow_remote = true (behind TLS)`,
      });
    }
  });

export type WebchatConfig = z.output<typeof webchatConfigSchema>;

/** Loopback by address, not by name resolution: `localhost` is taken at its word. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || /^::ffff:127\./i.test(bare);
  return false;
}
