import { fstatSync } from 'node:fs';
import type { DestinationStream } from 'pino';
import { prettyLine } from './pretty-line.js';
import { scrubSecrets } from './scrub-secrets.js';

export type LogFormat = 'json' | 'pretty';

/** pino level → syslog priority, for journald's `<N>` line prefix. */
const PRIORITY: Readonly<Record<string, number>> = { 10: 7, 20: 7, 30: 6, 40: 4, 50: 3, 60: 2 };

/**
 * `FERRY_LOG_FORMAT=json|pretty` when set; otherwise pretty for a person at a terminal and
 * JSON for everything else (journald, files, pipes, tests), which is what tools parse.
 */
export function chooseLogFormat(env: NodeJS.ProcessEnv, isTTY: boolean): LogFormat {
  const asked = env.FERRY_LOG_FORMAT?.toLowerCase();
  if (asked === 'json' || asked === 'pretty') return asked;
  return isTTY ? 'pretty' : 'json';
}

/**
 * Whether `fd` is the journal stream systemd connected (`JOURNAL_STREAM=<dev>:<ino>` names it,
 * systemd.exec(5)); a child that inherited the variable but writes elsewhere must not prefix.
 */
export function writesToJournal(env: NodeJS.ProcessEnv, fd: number): boolean {
  const named = env.JOURNAL_STREAM;
  if (!named) return false;
  try {
    const st = fstatSync(fd);
    return named === `${st.dev}:${st.ino}`;
  } catch {
    return false;
  }
}

export interface LogStreamOptions {
  readonly format: LogFormat;
  readonly color?: boolean;
  /** Prefix each line with `<priority>`, which journald strips and turns into the entry's priority. */
  readonly journal?: boolean;
  /** The secret values of the current config (tokens), scrubbed from every line. */
  readonly secrets?: () => readonly string[];
}

/** Wraps the real destination: secrets scrubbed first, then the line formatted for where it goes. */
export function logStream(base: DestinationStream, options: LogStreamOptions): DestinationStream {
  return {
    write(line: string): void {
      const secrets = options.secrets?.() ?? [];
      let out = secrets.length > 0 ? scrubSecrets(line, secrets) : line;
      if (options.format === 'pretty') out = prettyLine(out, options.color === true);
      else if (options.journal) out = `<${PRIORITY[/^\{"level":(\d+)/.exec(out)?.[1] ?? ''] ?? 6}>${out}`;
      base.write(out);
    },
  };
}
