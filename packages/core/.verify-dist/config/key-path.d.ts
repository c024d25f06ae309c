/**
 * A key path as zod reports it: table keys are strings, array indices are numbers
 * (`['triggers', 'crons', 1, 'chat']`).
 */
export type KeyPath = readonly (string | number)[];
/** `triggers.crons[1].chat`, quoting segments TOML could not write bare (`projects."my.app"`). */
export declare function formatKeyPath(path: KeyPath): string;
/** The same key written for a TOML file: every segment is a table key, so no `[n]`. */
export declare function formatTomlKey(path: readonly string[]): string;
/**
 * Parses what a user types after `ferry config get|set`: dotted segments, `"quoted"` or
 * `'literal'` segments, and `[n]` for array elements. Returns undefined when it cannot.
 */
export declare function parseKeyPath(text: string): (string | number)[] | undefined;
/** Keys and indices compare as text: a table key "1" and index 1 never meet at one path. */
export declare function sameKeyPath(a: KeyPath, b: KeyPath): boolean;
export declare function isKeyPathPrefix(prefix: KeyPath, path: KeyPath): boolean;
