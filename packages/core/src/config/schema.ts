import { z } from 'zod';
import { cronScheduleProblem, timeZoneProblem } from '../triggers/cron-schedule.js';

/*
 * The core's part of ferry.toml. Sections owned by plugins (`transports.<id>`, `engines.<id>`,
 * `plugins.<id>`) are kept as loose tables here and validated by each plugin's own schema
 * when the plugin loads. Every key is documented in docs/config.md.
 */

const table = z.record(z.string(), z.unknown());

const chatAddress = z.string().regex(/^[a-z0-9_]+:[^:]+(:[^:]+)?$/, 'expected transport:chat[:thread]');

export const restartSchema = z
  .object({
    drain_timeout_s: z.number().int().min(0).max(86_400).default(120),
    on_config_change: z.enum(['restart', 'notify']).default('restart'),
    auto_resume: z.boolean().default(false),
    auto_resume_max_attempts: z.number().int().min(1).max(10).default(2),
    /** A run with no engine output this long is stuck: a drain stops waiting for it early. */
    stuck_after_s: z.number().int().min(1).max(86_400).default(300),
    /**
     * The supervisor's stop timeout (systemd `TimeoutStopSec`), which systemd does not tell the
     * service; unset: read from the unit that runs this config, if any (docs/deploy.md).
     */
    stop_timeout_s: z.number().int().min(1).max(86_400).optional(),
    /**
     * Engine runs outlive a restart under a per-run shim and the next generation re-attaches
     * (docs/live-restore.md). Off: a restart drains runs as before.
     */
    live_restore: z.boolean().default(true),
    /** Where a run's shim lives: `systemd` = a transient user scope, `session` = its own session. */
    live_restore_scope: z.enum(['auto', 'systemd', 'session']).default('auto'),
  })
  .strict();

export const ingressSchema = z
  .object({
    /** Backlog older than this (seconds) is answered "skipped: too old" instead of run. */
    max_backlog_age_s: z.number().int().min(60).default(86_400),
    /** Attempts before an event goes to the dead-letter state. */
    max_attempts: z.number().int().min(1).max(100).default(3),
    /** Largest attachment saved into a run's working dir (MB). */
    max_attachment_mb: z.number().min(0).max(2000).default(20),
    /** How long done entries and dedupe keys are kept (seconds, at least 24 h). */
    retention_s: z
      .number()
      .int()
      .min(86_400)
      .default(7 * 86_400),
  })
  .strict();

/** How much a chat lets its engine do without asking (docs/approvals.md). */
export const approvalModeSchema = z.enum(['ask', 'edits', 'plan', 'bypass']);

export const projectSchema = z
  .object({
    path: z.string().min(1),
    engine: z.string().optional(),
    /** The approval mode of this project's chats, unless a chat set its own with /mode. */
    mode: approvalModeSchema.optional(),
    chats: z.array(chatAddress).default([]),
  })
  .strict();

/** A custom issue on a string field: the refinement names the key (file:line: key: problem). */
function check(problemOf: (value: string) => string | undefined) {
  return (value: string, ctx: z.RefinementCtx) => {
    const problem = problemOf(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
  };
}

const triggerId = z.string().regex(/^[a-z0-9_-]{1,64}$/);
const timeZone = z.string().superRefine(check(timeZoneProblem));

export const cronSchema = z
  .object({
    id: triggerId,
    schedule: z.string().min(1).superRefine(check(cronScheduleProblem)),
    timezone: timeZone.optional(),
    prompt: z.string().min(1),
    engine: z.string().optional(),
    chat: chatAddress,
    run_once: z.boolean().default(false),
    /** A slot missed while Ferry was down fires once at start (it is reported either way). */
    catch_up: z.boolean().default(false),
    enabled: z.boolean().default(true),
  })
  .strict();

export const webhookSchema = z
  .object({
    id: triggerId,
    /** Served at `POST /hooks<path>`. */
    path: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, 'expected a URL path like "/github"'),
    auth: z.enum(['bearer', 'hmac-sha256', 'slack', 'none']),
    secret: z.string().min(1).optional(),
    prompt_template: z.string().optional(),
    action: z.enum(['agent_run', 'notify_only', 'file_write']).default('agent_run'),
    engine: z.string().optional(),
    chat: chatAddress,
    enabled: z.boolean().default(true),
    rate_limit_per_min: z.number().int().min(1).max(100_000).default(60),
    /** Where the dedupe key comes from besides `Idempotency-Key`: `header:<name>` or `payload:<a.b>`. */
    dedupe_key: z
      .string()
      .regex(/^(header|payload):[A-Za-z0-9_.-]+$/, 'expected "header:<name>" or "payload:<field.path>"')
      .optional(),
    /** For `file_write`: a file name template inside `[triggers] file_dir`. */
    file_path: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((hook, ctx) => {
    if (hook.auth !== 'none' && !hook.secret)
      ctx.addIssue({ code: 'custom', path: ['secret'], message: `required with auth = "${hook.auth}"` });
    if (hook.action === 'file_write' && !hook.file_path)
      ctx.addIssue({ code: 'custom', path: ['file_path'], message: 'required with action = "file_write"' });
  });

/** Two triggers of one kind with the same value of `key` would be ambiguous. */
function unique<T>(key: keyof T & string, what: string) {
  return (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<unknown>();
    for (const [i, item] of items.entries()) {
      if (seen.has(item[key]))
        ctx.addIssue({
          code: 'custom',
          path: [i, key],
          message: `another ${what} has ${key} ${JSON.stringify(item[key])}`,
        });
      seen.add(item[key]);
    }
  };
}

export const triggersSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Time zone of crons that name none; default: the host's. */
    timezone: timeZone.optional(),
    server: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65_535).default(9876),
        /** `auth = "none"` on an address other than loopback needs this. */
        allow_unauthenticated: z.boolean().default(false),
        max_body_kb: z.number().int().min(1).max(65_536).default(1024),
        /** All webhooks together, per minute. */
        rate_limit_per_min: z.number().int().min(1).max(1_000_000).default(600),
      })
      .strict()
      .default({
        host: '127.0.0.1',
        port: 9876,
        allow_unauthenticated: false,
        max_body_kb: 1024,
        rate_limit_per_min: 600,
      }),
    crons: z.array(cronSchema).default([]).superRefine(unique('id', 'cron')),
    webhooks: z
      .array(webhookSchema)
      .default([])
      .superRefine(unique('id', 'webhook'))
      .superRefine(unique('path', 'webhook')),
    /** Pending `/at` jobs one chat may have. */
    at_max_per_chat: z.number().int().min(1).max(1000).default(20),
    /** The only directory `file_write` webhooks write into (absolute, or relative to the config's dir). */
    file_dir: z.string().min(1).optional(),
  })
  .strict();

export const approvalsSchema = z
  .object({
    /** An approval nobody answers is denied after this many seconds (hot: applies to new requests). */
    timeout_s: z.number().int().min(5).max(86_400).default(300),
    /** The approval mode of chats with no /mode and no project mode; unset: each engine's own config. */
    mode: approvalModeSchema.optional(),
  })
  .strict();

export const pluginsSchema = z
  .object({
    /** Package names allowed to provide plugins; empty = all. */
    enabled: z.array(z.string()).default([]),
    /** Extra directories holding plugin packages (a package dir, or a dir of packages). */
    paths: z.array(z.string()).default([]),
  })
  .catchall(table);

export const ferryConfigSchema = z
  .object({
    default_engine: z
      .string()
      .regex(/^[a-z0-9_]{1,32}$/)
      .default('claude'),
    /** Working directory for chats bound to no project. */
    default_cwd: z.string().optional(),
    log_level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).default('info'),
    transports: z.record(z.string(), table).default({}),
    engines: z.record(z.string(), table).default({}),
    projects: z.record(z.string(), projectSchema).default({}),
    restart: restartSchema.default(restartSchema.parse({})),
    ingress: ingressSchema.default(ingressSchema.parse({})),
    triggers: triggersSchema.default(triggersSchema.parse({})),
    approvals: approvalsSchema.default(approvalsSchema.parse({})),
    plugins: pluginsSchema.default(pluginsSchema.parse({})),
  })
  .strict();

export type FerryConfig = z.infer<typeof ferryConfigSchema>;
export type RestartConfig = z.infer<typeof restartSchema>;
export type IngressConfig = z.infer<typeof ingressSchema>;
export type ApprovalsConfig = z.infer<typeof approvalsSchema>;
export type TriggersConfig = z.infer<typeof triggersSchema>;
export type CronConfig = z.infer<typeof cronSchema>;
export type WebhookConfig = z.infer<typeof webhookSchema>;
