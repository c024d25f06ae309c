import { FerryError } from '../errors/ferry-error.js';
/** One problem in the config: where (file or `env FERRY__…`, line), which key, what is wrong. */
export interface ConfigIssue {
    readonly file: string;
    readonly line?: number | undefined;
    readonly key: string;
    readonly problem: string;
}
export declare function formatConfigIssue(issue: ConfigIssue): string;
/**
 * The config (file or env override) cannot be used. The first issue is also exposed as
 * `file`/`line`/`key`/`problem`; the message has one line per issue so the CLI's single
 * `error:` line still names the first culprit.
 */
export declare class ConfigInvalidError extends FerryError {
    readonly code = "FERRY_CONFIG_INVALID";
    readonly issues: readonly ConfigIssue[];
    readonly file: string;
    readonly line: number | undefined;
    readonly key: string;
    readonly problem: string;
    constructor(issues: ConfigIssue | readonly [ConfigIssue, ...ConfigIssue[]], options?: ErrorOptions);
}
