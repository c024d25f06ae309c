import { pino } from 'pino';
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
export function createLogger(options = {}) {
    const level = options.level ?? process.env.FERRY_LOG_LEVEL ?? 'info';
    return pino({ level, base: { pid: process.pid }, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, options.destination ?? pino.destination({ dest: 2, sync: true }));
}
//# sourceMappingURL=logger.js.map