import { type DestinationStream, type Logger as PinoLogger, pino } from 'pino';
import { chooseLogFormat, type LogFormat, logStream, writesToJournal } from './log-stream.js';

export type Logger = PinoLogger;

/**
 * Every path whose value is a secret, compiled once at logger creation (pino's redaction).
 * Config objects are logged rarely, but a token in a log line is forever. Values that show up
 * elsewhere (inside a message) are scrubbed by value, see `LoggerOptions.secrets`.
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
  /** Defaults to `FERRY_LOG_FORMAT`, else pretty on a terminal and JSON elsewhere (stderr only). */
  readonly format?: LogFormat;
  /** Secret values (the config's tokens, see collectSecrets) replaced by `[redacted]` wherever they appear. */
  readonly secrets?: () => readonly string[];
  readonly env?: NodeJS.ProcessEnv;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const env = options.env ?? process.env;
  const level = options.level ?? env.FERRY_LOG_LEVEL ?? 'info';
  const toStderr = options.destination === undefined;
  const tty = toStderr && process.stderr.isTTY === true;
  const format = options.format ?? (toStderr ? chooseLogFormat(env, tty) : 'json');
  const stream = logStream(options.destination ?? pino.destination({ dest: 2, sync: true }), {
    format,
    color: tty && !env.NO_COLOR,
    journal: toStderr && writesToJournal(env, 2),
    ...(options.secrets ? { secrets: options.secrets } : {}),
  });
  return pino(
    { level, base: { pid: process.pid }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } },
    stream,
  );
}
