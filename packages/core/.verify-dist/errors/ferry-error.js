/**
 * Base of every error Ferry raises on purpose. `code` is stable and documented in
 * docs/errors.md; tests and callers branch on it, never on the message text.
 */
export class FerryError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = new.target.name;
    }
}
/** True for any FerryError, also one thrown by another copy of this package (plugins). */
export function isFerryError(err) {
    if (!(err instanceof Error))
        return false;
    const code = err.code;
    return typeof code === 'string' && code.startsWith('FERRY_');
}
//# sourceMappingURL=ferry-error.js.map