import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { WebchatUnauthorizedError } from './webchat-errors.js';

/**
 * The one credential of the page: the configured token, given as `Authorization: Bearer`, or
 * once as `?token=` on the page, which is swapped for an HttpOnly, SameSite=Strict cookie so
 * the token leaves the address bar and no other site can send it. The cookie holds an HMAC of
 * the token, not the token, so rotating the token logs every browser out.
 */
export class TokenAuth {
  readonly #digest: Buffer;
  readonly #cookieValue: string;

  constructor(
    token: string,
    /** Cookies ignore ports: two instances on one host need different names. */
    readonly cookieName: string,
  ) {
    this.#digest = sha256(token);
    this.#cookieValue = createHmac('sha256', token).update('ferry-webchat-cookie').digest('base64url');
  }

  /** Throws unless the request carries the token (header) or the cookie. */
  check(req: IncomingMessage): void {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(.+)$/i.exec(header);
      if (m && this.matches(m[1]!.trim())) return;
      throw new WebchatUnauthorizedError('the Authorization header does not carry the webchat token');
    }
    const cookie = readCookie(req.headers.cookie, this.cookieName);
    if (cookie !== undefined && safeEqual(Buffer.from(cookie), Buffer.from(this.#cookieValue))) return;
    throw new WebchatUnauthorizedError(
      'no webchat token: open the page as /?token=<token from [transports.webchat]>, or send Authorization: Bearer <token>',
    );
  }

  /** Compared as digests: equal length for timingSafeEqual, and no early exit on the first wrong byte. */
  matches(candidate: string): boolean {
    return safeEqual(sha256(candidate), this.#digest);
  }

  setCookieHeader(): string {
    return `${this.cookieName}=${this.#cookieValue}; HttpOnly; SameSite=Strict; Path=/`;
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
