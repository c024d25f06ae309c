import { FerryError } from '../errors/ferry-error.js';
export function formatConfigIssue(issue) {
    const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}`;
    return `${where}: ${issue.key}: ${issue.problem}`;
}
/**
 * The config (file or env override) cannot be used. The first issue is also exposed as
 * `file`/`line`/`key`/`problem`; the message has one line per issue so the CLI's single
 * `error:` line still names the first culprit.
 */
export class ConfigInvalidError extends FerryError {
    code = 'FERRY_CONFIG_INVALID';
    issues;
    file;
    line;
    key;
    problem;
    constructor(issues, options) {
        const list = Array.isArray(issues) ? issues : [issues];
        super(list.map(formatConfigIssue).join('\n'), options);
        const first = list[0];
        this.issues = list;
        this.file = first.file;
        this.line = first.line;
        this.key = first.key;
        this.problem = first.problem;
    }
}
//# sourceMappingURL=config-invalid-error.js.map