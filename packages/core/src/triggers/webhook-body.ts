import type { IncomingMessage } from 'node:http';
import { WebhookBadBodyError, WebhookBodyTooLargeError, WebhookMediaTypeError } from './trigger-errors.js';

/**
 * Reads the body up to `maxBytes`; a longer one is refused as soon as it is known (from
 * Content-Length, or while reading) without buffering the rest.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The payload by Content-Type: JSON, a URL-encoded form (a `payload` field holding JSON, as
 * GitHub's and Slack's form posts send, is parsed too), text, or nothing. Multipart is refused.
 */
export function parseBody(body: Buffer, contentType: string | undefined): unknown {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (body.length === 0) return {};
  const text = body.toString('utf8');
  if (type === 'application/json' || type.endsWith('+json') || type === '') {
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      if (type === '') return text;
      throw new WebhookBadBodyError(`the body is not valid JSON: ${(err as Error).message}`);
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    const form: Record<string, unknown> = Object.fromEntries(new URLSearchParams(text));
    if (typeof form.payload === 'string') {
      try {
        form.payload = JSON.parse(form.payload) as unknown;
      } catch {
        // a form field that merely is called "payload" stays text
      }
    }
    return form;
  }
  if (type.startsWith('text/')) return text;
  throw new WebhookMediaTypeError(
    `unsupported Content-Type "${type}"; send application/json, application/x-www-form-urlencoded or text/plain`,
  );
}

function tooLarge(maxBytes: number): WebhookBodyTooLargeError {
  return new WebhookBodyTooLargeError(
    `the body is larger than ${Math.round(maxBytes / 1024)} kB ([triggers.server] max_body_kb)`,
  );
}
