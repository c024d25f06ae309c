import type { Logger } from '@ferry/core';

export interface LogLine {
  readonly level: string;
  readonly msg: string;
  readonly obj: Record<string, unknown>;
}

/** A logger that keeps its lines for assertions (pino's call shapes: (obj, msg) or (msg)). */
export function captureLogger(): { logger: Logger; lines: LogLine[]; at: (level: string) => LogLine[] } {
  const lines: LogLine[] = [];
  const log =
    (level: string) =>
    (a: unknown, b?: unknown): void => {
      if (typeof a === 'string') lines.push({ level, msg: a, obj: {} });
      else lines.push({ level, msg: String(b ?? ''), obj: (a ?? {}) as Record<string, unknown> });
    };
  const logger: Record<string, unknown> = {
    level: 'trace',
    trace: log('trace'),
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    fatal: log('fatal'),
  };
  logger.child = () => logger;
  return {
    logger: logger as unknown as Logger,
    lines,
    at: (level) => lines.filter((l) => l.level === level),
  };
}
