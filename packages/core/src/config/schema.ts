import { z } from 'zod';

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

export const projectSchema = z
  .object({
    path: z.string().min(1),
    engine: z.string().optional(),
    chats: z.array(chatAddress).default([]),
  })
  .strict();

export const cronSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,64}$/),
    schedule: z.string().min(1),
    timezone: z.string().optional(),
    prompt: z.string().min(1),
    engine: z.string().optional(),
    chat: chatAddress,
    run_once: z.boolean().default(false),
  })
  .strict();

export const webhookSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9_-]{1,64}$/),
    path: z.string().startsWith('/'),
    auth: z.enum(['bearer', 'hmac-sha256', 'slack', 'none']),
    secret: z.string().optional(),
    prompt_template: z.string().optional(),
    action: z.string().optional(),
    engine: z.string().optional(),
    chat: chatAddress,
  })
  .strict();

export const triggersSchema = z
  .object({
    enabled: z.boolean().default(false),
    server: z
      .object({
        host: z.string().default('127.0.0.1'),
        port: z.number().int().min(0).max(65_535).default(9876),
      })
      .strict()
      .default({ host: '127.0.0.1', port: 9876 }),
    crons: z.array(cronSchema).default([]),
    webhooks: z.array(webhookSchema).default([]),
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
    plugins: pluginsSchema.default(pluginsSchema.parse({})),
  })
  .strict();

export type FerryConfig = z.infer<typeof ferryConfigSchema>;
export type RestartConfig = z.infer<typeof restartSchema>;
export type IngressConfig = z.infer<typeof ingressSchema>;
