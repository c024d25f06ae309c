import type { Logger } from '@ferry/core';
import { LogLevel, type Logger as SlackLogger } from '@slack/web-api';

const LEVELS: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
  fatal: LogLevel.ERROR,
};

/**
 * Bolt, the WebClient and the Socket Mode client log through this into Ferry's pino logger.
 * Their `info` lines ("Now connected", per-call notes) are routine for Ferry, so they go to
 * debug; warnings and errors keep their level.
 */
export function slackLogger(log: Logger, component: string): SlackLogger {
  const child = log.child({ component });
  const line = (parts: unknown[]) =>
    parts
      .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
      .join(' ');
  return {
    debug: (...msg: unknown[]) => child.debug(line(msg)),
    info: (...msg: unknown[]) => child.debug(line(msg)),
    warn: (...msg: unknown[]) => child.warn(line(msg)),
    error: (...msg: unknown[]) => child.error(line(msg)),
    // the level follows Ferry's logger; the libraries may not change it
    setLevel: () => undefined,
    getLevel: () => LEVELS[child.level] ?? LogLevel.INFO,
    setName: () => undefined,
  };
}
