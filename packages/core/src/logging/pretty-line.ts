const LEVELS: Readonly<Record<number, { name: string; color: string }>> = {
  10: { name: 'TRACE', color: '90' },
  20: { name: 'DEBUG', color: '36' },
  30: { name: 'INFO', color: '32' },
  40: { name: 'WARN', color: '33' },
  50: { name: 'ERROR', color: '31' },
  60: { name: 'FATAL', color: '35' },
};

/** Fields every line has, shown in the prefix or left out (the pid is the same on every line). */
const OMIT = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'err']);

interface ErrLike {
  readonly type?: string;
  readonly message?: string;
  readonly stack?: string;
  readonly code?: string;
}

/**
 * One pino JSON line as a terminal line: `HH:MM:SS.mmm LEVEL message key=value …`, with the
 * error's stack indented below. Lines that are not pino JSON pass through unchanged.
 */
export function prettyLine(line: string, color: boolean): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (typeof record !== 'object' || record === null || typeof record.level !== 'number') return line;
  const level = LEVELS[record.level] ?? { name: String(record.level), color: '0' };
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const time = typeof record.time === 'number' ? new Date(record.time).toISOString().slice(11, 23) : '';
  const fields = Object.entries(record)
    .filter(([k]) => !OMIT.has(k))
    .map(([k, v]) => `${paint('2', `${k}=`)}${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const head = [
    paint('2', time),
    paint(level.color, level.name.padEnd(5)),
    String(record.msg ?? ''),
    ...fields,
  ]
    .filter(Boolean)
    .join(' ');
  const err = record.err as ErrLike | undefined;
  if (!err || typeof err !== 'object') return `${head}\n`;
  const detail = err.stack ?? `${err.type ?? 'Error'}: ${err.message ?? ''}`;
  const code = err.code ? ` [${err.code}]` : '';
  return `${head}${code}\n${detail
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
}
