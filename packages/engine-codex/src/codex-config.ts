import { z } from 'zod';

/*
 * Arguments Ferry sets itself: `--json` is the format it parses, and a `resume` or `-` in
 * `extra_args` would change which thread runs or where the prompt comes from.
 */
const RESERVED_ARGS = ['exec', 'resume', '--json', '--last', '-'];

/** `[engines.codex]` in ferry.toml; every key is described in docs/engines.md. */
export const codexConfigSchema = z
  .object({
    path: z.string().min(1).default('codex'),
    model: z.string().min(1).optional(),
    profile: z.string().min(1).optional(),
    extra_args: z
      .array(z.string())
      .default([])
      .refine((args) => !args.some((a) => RESERVED_ARGS.includes(a)), {
        message: 'contains an argument Ferry sets itself (exec, resume, --json, --last, -); remove it',
      }),
    env: z.record(z.string(), z.string()).default({}),
    /** SIGTERM → SIGKILL grace for the run's process group, in seconds. */
    grace_s: z.number().min(0).max(600).default(10),
  })
  .strict();

export type CodexConfig = z.output<typeof codexConfigSchema>;
