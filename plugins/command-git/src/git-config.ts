import { z } from 'zod';

/** `[plugins.git]`; every key has a default, so the section is optional. */
export const gitConfigSchema = z
  .object({
    /** The git executable (PATH lookup when not absolute). */
    path: z.string().min(1).default('git'),
    /** A git call still running after this is killed and answered as timed out. */
    timeout_ms: z.number().int().min(100).max(120_000).default(10_000),
    /** Longest output block shown in chat; the transport's own limit caps it further. */
    max_chars: z.number().int().min(200).max(20_000).default(3_000),
    /** Commits `/git log` shows. */
    log_count: z.number().int().min(1).max(100).default(10),
  })
  .strict();

export type GitConfig = z.infer<typeof gitConfigSchema>;
