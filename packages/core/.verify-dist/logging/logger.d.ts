import { type Logger as PinoLogger, type DestinationStream } from 'pino';
export type Logger = PinoLogger;
/**
 * Every path whose value is a secret, compiled once at logger creation (pino's redaction).
 * Config objects are logged rarely, but a token in a log line is forever.
 */
export declare const REDACT_PATHS: string[];
export interface LoggerOptions {
    readonly level?: string;
    /** Defaults to stderr (fd 2); journald picks it up under systemd. */
    readonly destination?: DestinationStream;
}
export declare function createLogger(options?: LoggerOptions): Logger;
