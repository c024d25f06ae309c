import { z } from 'zod';

/*
 * Flags Ferry sets itself. Passing them again through `extra_args` would change the output
 * format Ferry parses, or make claude wait on stdin for approvals nobody answers.
 */
const RESERVED_FLAGS = [
  '-p',
  '--print',
  '--output-format',
  '--input-format',
  '--resume',
  '-r',
  '--continue',
  '-c',
  '--permission-prompt-tool',
];

function reservedFlagIn(args: readonly string[]): string | undefined {
  return args.find((arg) => RESERVED_FLAGS.includes(arg.split('=')[0]!));
}

/** `[engines.claude]` in ferry.toml; every key is described in docs/engines.md. */
export const claudeConfigSchema = z
  .object({
    path: z.string().min(1).default('claude'),
    model: z.string().min(1).optional(),
    permission_mode: z.string().min(1).optional(),
    allowed_tools: z.array(z.string().min(1)).default([]),
    extra_args: z
      .array(z.string())
      .default([])
      .refine((args) => reservedFlagIn(args) === undefined, {
        message:
          'contains a flag Ferry sets itself (-p, --output-format, --input-format, --resume, --continue, --permission-prompt-tool); remove it',
      }),
    env: z.record(z.string(), z.string()).default({}),
    /** SIGTERM → SIGKILL grace for the run's process group, in seconds. */
    grace_s: z.number().min(0).max(600).default(10),
  })
  .strict();

export type ClaudeConfig = z.output<typeof claudeConfigSchema>;
