/**
 * Base of every error Ferry raises on purpose. `code` is stable and documented in
 * docs/errors.md; tests and callers branch on it, never on the message text.
 */
export declare abstract class FerryError extends Error {
    abstract readonly code: `FERRY_${string}`;
    constructor(message: string, options?: ErrorOptions);
}
/** True for any FerryError, also one thrown by another copy of this package (plugins). */
export declare function isFerryError(err: unknown): err is FerryError;
