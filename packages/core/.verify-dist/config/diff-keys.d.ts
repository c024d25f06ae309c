/**
 * The dotted keys whose values differ between two configs, sorted. Tables present on both
 * sides are compared key by key; anything else (arrays, a table added or removed) is one
 * key, so adding `[transports.slack]` reports `transports.slack`, not each of its keys.
 */
export declare function diffKeys(a: unknown, b: unknown): string[];
