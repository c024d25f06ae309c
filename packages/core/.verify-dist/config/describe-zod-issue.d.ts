import type { KeyPath } from './key-path.js';
/**
 * The fields of a zod 4 issue this file reads. Structural, so issues from a plugin's own
 * copy of zod fit too.
 */
export interface ZodIssueLike {
    readonly code: string;
    readonly path: readonly PropertyKey[];
    readonly message: string;
    readonly input?: unknown;
    readonly expected?: string;
    readonly origin?: string;
    readonly minimum?: number | bigint;
    readonly maximum?: number | bigint;
    readonly inclusive?: boolean;
    readonly values?: readonly unknown[];
    readonly keys?: readonly string[];
    readonly format?: string;
    readonly pattern?: string;
    readonly prefix?: string;
    readonly suffix?: string;
    readonly includes?: string;
    readonly divisor?: number | bigint;
}
export interface DescribedIssue {
    readonly path: KeyPath;
    readonly problem: string;
}
/**
 * Rephrases one zod issue for a person editing ferry.toml (`expected number, got string "2m"`).
 * `schema` is the schema the issue's path is relative to, used to suggest known keys.
 * An `unrecognized_keys` issue becomes one entry per unknown key, located at that key.
 */
export declare function describeZodIssue(issue: ZodIssueLike, schema: unknown): DescribedIssue[];
