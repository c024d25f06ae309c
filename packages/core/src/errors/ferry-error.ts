/**
 * Base of every error Ferry raises on purpose. `code` is stable and documented in
 * docs/errors.md; tests and callers branch on it, never on the message text.
 */
export abstract class FerryError extends Error {
  abstract readonly code: `FERRY_${string}`;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** True for any FerryError, also one thrown by another copy of this package (plugins). */
export function isFerryError(err: unknown): err is FerryError {
  if (!(err instanceof Error)) return false;
  const code: unknown = (err as Error & { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('FERRY_');
}
