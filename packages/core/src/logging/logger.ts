import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';

export type Logger = PinoLogger;

/**
 * Every path whose value is a secret, compiled once at logger creation (pino's redaction).
 * Config objects are logged rarely, but a token in a log line is forever.
 */
export const REDACT_PATHS = [
  '*.bot_token',
  '*.app_token',
  '*.signing_secret',
  '*.secret',
  '*.token',
  '*.api_key',
  '*.*.bot_token',
  '*.*.app_token',
  '*.*.signing_secret',
  '*.*.secret',
  'headers.authorization',
];

export interface LoggerOptions {
  readonly level?: string;
  /** Defaults to stderr (fd 2); journald picks it up under systemd. */
  readonly destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? process.env.FERRY_LOG_LEVEL ?? 'info';
  return pino(
    { level, base: { pid: process.pid }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
