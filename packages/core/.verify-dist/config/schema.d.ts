import { z } from 'zod';
export declare const restartSchema: z.ZodObject<{
    drain_timeout_s: z.ZodDefault<z.ZodNumber>;
    on_config_change: z.ZodDefault<z.ZodEnum<{
        restart: "restart";
        notify: "notify";
    }>>;
    auto_resume: z.ZodDefault<z.ZodBoolean>;
    auto_resume_max_attempts: z.ZodDefault<z.ZodNumber>;
    stuck_after_s: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export declare const ingressSchema: z.ZodObject<{
    max_backlog_age_s: z.ZodDefault<z.ZodNumber>;
    max_attempts: z.ZodDefault<z.ZodNumber>;
    max_attachment_mb: z.ZodDefault<z.ZodNumber>;
    retention_s: z.ZodDefault<z.ZodNumber>;
}, z.core.$strict>;
export declare const projectSchema: z.ZodObject<{
    path: z.ZodString;
    engine: z.ZodOptional<z.ZodString>;
    chats: z.ZodDefault<z.ZodArray<z.ZodString>>;
}, z.core.$strict>;
export declare const cronSchema: z.ZodObject<{
    id: z.ZodString;
    schedule: z.ZodString;
    timezone: z.ZodOptional<z.ZodString>;
    prompt: z.ZodString;
    engine: z.ZodOptional<z.ZodString>;
    chat: z.ZodString;
    run_once: z.ZodDefault<z.ZodBoolean>;
}, z.core.$strict>;
export declare const webhookSchema: z.ZodObject<{
    id: z.ZodString;
    path: z.ZodString;
    auth: z.ZodEnum<{
        bearer: "bearer";
        "hmac-sha256": "hmac-sha256";
        slack: "slack";
        none: "none";
    }>;
    secret: z.ZodOptional<z.ZodString>;
    prompt_template: z.ZodOptional<z.ZodString>;
    action: z.ZodOptional<z.ZodString>;
    engine: z.ZodOptional<z.ZodString>;
    chat: z.ZodString;
}, z.core.$strict>;
export declare const triggersSchema: z.ZodObject<{
    enabled: z.ZodDefault<z.ZodBoolean>;
    server: z.ZodDefault<z.ZodObject<{
        host: z.ZodDefault<z.ZodString>;
        port: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    crons: z.ZodDefault<z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        schedule: z.ZodString;
        timezone: z.ZodOptional<z.ZodString>;
        prompt: z.ZodString;
        engine: z.ZodOptional<z.ZodString>;
        chat: z.ZodString;
        run_once: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strict>>>;
    webhooks: z.ZodDefault<z.ZodArray<z.ZodObject<{
        id: z.ZodString;
        path: z.ZodString;
        auth: z.ZodEnum<{
            bearer: "bearer";
            "hmac-sha256": "hmac-sha256";
            slack: "slack";
            none: "none";
        }>;
        secret: z.ZodOptional<z.ZodString>;
        prompt_template: z.ZodOptional<z.ZodString>;
        action: z.ZodOptional<z.ZodString>;
        engine: z.ZodOptional<z.ZodString>;
        chat: z.ZodString;
    }, z.core.$strict>>>;
}, z.core.$strict>;
export declare const pluginsSchema: z.ZodObject<{
    enabled: z.ZodDefault<z.ZodArray<z.ZodString>>;
    paths: z.ZodDefault<z.ZodArray<z.ZodString>>;
}, z.core.$catchall<z.ZodRecord<z.ZodString, z.ZodUnknown>>>;
export declare const ferryConfigSchema: z.ZodObject<{
    default_engine: z.ZodDefault<z.ZodString>;
    default_cwd: z.ZodOptional<z.ZodString>;
    log_level: z.ZodDefault<z.ZodEnum<{
        error: "error";
        trace: "trace";
        debug: "debug";
        info: "info";
        warn: "warn";
        fatal: "fatal";
    }>>;
    transports: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodRecord<z.ZodString, z.ZodUnknown>>>;
    engines: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodRecord<z.ZodString, z.ZodUnknown>>>;
    projects: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodObject<{
        path: z.ZodString;
        engine: z.ZodOptional<z.ZodString>;
        chats: z.ZodDefault<z.ZodArray<z.ZodString>>;
    }, z.core.$strict>>>;
    restart: z.ZodDefault<z.ZodObject<{
        drain_timeout_s: z.ZodDefault<z.ZodNumber>;
        on_config_change: z.ZodDefault<z.ZodEnum<{
            restart: "restart";
            notify: "notify";
        }>>;
        auto_resume: z.ZodDefault<z.ZodBoolean>;
        auto_resume_max_attempts: z.ZodDefault<z.ZodNumber>;
        stuck_after_s: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    ingress: z.ZodDefault<z.ZodObject<{
        max_backlog_age_s: z.ZodDefault<z.ZodNumber>;
        max_attempts: z.ZodDefault<z.ZodNumber>;
        max_attachment_mb: z.ZodDefault<z.ZodNumber>;
        retention_s: z.ZodDefault<z.ZodNumber>;
    }, z.core.$strict>>;
    triggers: z.ZodDefault<z.ZodObject<{
        enabled: z.ZodDefault<z.ZodBoolean>;
        server: z.ZodDefault<z.ZodObject<{
            host: z.ZodDefault<z.ZodString>;
            port: z.ZodDefault<z.ZodNumber>;
        }, z.core.$strict>>;
        crons: z.ZodDefault<z.ZodArray<z.ZodObject<{
            id: z.ZodString;
            schedule: z.ZodString;
            timezone: z.ZodOptional<z.ZodString>;
            prompt: z.ZodString;
            engine: z.ZodOptional<z.ZodString>;
            chat: z.ZodString;
            run_once: z.ZodDefault<z.ZodBoolean>;
        }, z.core.$strict>>>;
        webhooks: z.ZodDefault<z.ZodArray<z.ZodObject<{
            id: z.ZodString;
            path: z.ZodString;
            auth: z.ZodEnum<{
                bearer: "bearer";
                "hmac-sha256": "hmac-sha256";
                slack: "slack";
                none: "none";
            }>;
            secret: z.ZodOptional<z.ZodString>;
            prompt_template: z.ZodOptional<z.ZodString>;
            action: z.ZodOptional<z.ZodString>;
            engine: z.ZodOptional<z.ZodString>;
            chat: z.ZodString;
        }, z.core.$strict>>>;
    }, z.core.$strict>>;
    plugins: z.ZodDefault<z.ZodObject<{
        enabled: z.ZodDefault<z.ZodArray<z.ZodString>>;
        paths: z.ZodDefault<z.ZodArray<z.ZodString>>;
    }, z.core.$catchall<z.ZodRecord<z.ZodString, z.ZodUnknown>>>>;
}, z.core.$strict>;
export type FerryConfig = z.infer<typeof ferryConfigSchema>;
export type RestartConfig = z.infer<typeof restartSchema>;
export type IngressConfig = z.infer<typeof ingressSchema>;
