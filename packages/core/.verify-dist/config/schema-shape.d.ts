/**
 * Just enough of a zod 4 schema's structure to name its keys: env overrides match keys
 * case-insensitively against them, and "unknown key" errors suggest the closest one.
 * Reads `_zod.def`, which classic and mini schemas (and another copy of zod) all share.
 */
/** The schema of `key` inside `schema` (object property, catchall, record value, array element). */
export declare function childSchema(schema: unknown, key: string | number): unknown;
/** The declared keys of an object schema; none for records and anything else. */
export declare function knownKeys(schema: unknown): string[];
