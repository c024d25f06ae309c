/* Parameter and answer shapes shared by the fake Slack's Web API methods. */
import type { ApiResult } from './slack-web-api.js';

export function fail(error: string): ApiResult {
  return { status: 200, body: { ok: false, error } };
}

/** Form bodies carry nested values as JSON strings. */
export function asArray(value: unknown): unknown[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(parsed) ? parsed : undefined;
}

export function range(p: Record<string, unknown>) {
  const str = (k: string) =>
    typeof p[k] === 'string' && p[k] !== ''
      ? (p[k] as string)
      : typeof p[k] === 'number'
        ? String(p[k])
        : undefined;
  const limit = str('limit');
  const inclusive = p.inclusive === true || p.inclusive === 'true' || p.inclusive === '1';
  return {
    ...(str('oldest') ? { oldest: str('oldest') } : {}),
    ...(str('latest') ? { latest: str('latest') } : {}),
    ...(str('cursor') ? { cursor: str('cursor') } : {}),
    ...(limit ? { limit: Number(limit) } : {}),
    inclusive,
  };
}

export function listing(
  messages: Record<string, unknown>[],
  nextCursor: string | undefined,
): Record<string, unknown> {
  return {
    messages,
    has_more: nextCursor !== undefined,
    response_metadata: { next_cursor: nextCursor ?? '' },
  };
}
