import { FerryError } from '../errors/ferry-error.js';

/** One problem in the config: where (file or `env FERRY__…`, line), which key, what is wrong. */
export interface ConfigIssue {
  readonly file: string;
  readonly line?: number | undefined;
  readonly key: string;
  readonly problem: string;
}

export function formatConfigIssue(issue: ConfigIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
  return `${where}: ${issue.key}: ${issue.problem}`;
}

/**
 * The config (file or env override) cannot be used. The first issue is also exposed as
 * `file`/`line`/`key`/`problem`; the message has one line per issue so the CLI's single
 * `error:` line still names the first culprit.
 */
export class ConfigInvalidError extends FerryError {
  readonly code = 'FERRY_CONFIG_INVALID';
  readonly issues: readonly ConfigIssue[];
  readonly file: string;
  readonly line: number | undefined;
  readonly key: string;
  readonly problem: string;

  constructor(issues: ConfigIssue | readonly [ConfigIssue, ...ConfigIssue[]], options?: ErrorOptions) {
    const list: readonly ConfigIssue[] = Array.isArray(issues) ? issues : [issues as ConfigIssue];
    super(list.map(formatConfigIssue).join('\n'), options);
    const first = list[0]!;
    this.issues = list;
    this.file = first.file;
    this.line = first.line;
    this.key = first.key;
    this.problem = first.problem;
  }
}
