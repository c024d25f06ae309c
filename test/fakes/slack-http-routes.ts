/*
 * The fake Slack's plain HTTP side: `POST /api/<method>` (form-urlencoded or JSON, token in
 * `Authorization: Bearer` or a `token` field), private file downloads that need the bot
 * token, and the upload URLs files.uploadV2 posts bytes to.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SlackWebApi } from './slack-web-api.js';
import type { SlackWorkspace } from './slack-workspace.js';

export interface RouteDeps {
  readonly api: SlackWebApi;
  readonly workspace: SlackWorkspace;
  readonly botToken: string;
  readonly changed: () => void;
}

export async function routeRequest(req: IncomingMessage, res: ServerResponse, d: RouteDeps): Promise<void> {
  try {
    await route(req, res, d);
  } catch (err) {
    fail(res, 500, String(err));
  }
}

async function route(req: IncomingMessage, res: ServerResponse, d: RouteDeps): Promise<void> {
  const url = new URL(req.url ?? '/', d.workspace.baseUrl);
  const raw = await readBody(req);
  const api = /^\/api\/([\w.]+)$/.exec(url.pathname);
  if (api) {
    const params = {
      ...Object.fromEntries(url.searchParams),
      ...parseParams(req.headers['content-type'], raw),
    };
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof params.token === 'string' ? params.token : undefined);
    const result = d.api.handle(api[1]!, params, token);
    res.writeHead(result.status, { 'content-type': 'application/json; charset=utf-8', ...result.headers });
    res.end(JSON.stringify(result.body));
    return;
  }
  const file = /^\/files-pri\/[^/]+-(F\w+)\//.exec(url.pathname);
  if (file && req.method === 'GET') {
    const f = d.workspace.files.get(file[1]!);
    if (req.headers.authorization !== `Bearer ${d.botToken}`) return fail(res, 403, 'not authorised');
    if (!f) return fail(res, 404, 'no such file');
    res.writeHead(200, { 'content-type': f.mimetype, 'content-length': f.bytes.length });
    res.end(f.bytes);
    return;
  }
  const upload = /^\/upload\/v1\/(F\w+)$/.exec(url.pathname);
  if (upload && req.method === 'POST') {
    const { bytes, mimetype } = await uploadedBytes(req.headers['content-type'], raw);
    if (!d.api.receiveUpload(upload[1]!, bytes, mimetype)) return fail(res, 404, 'no such upload');
    d.changed();
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`OK - ${bytes.length}`);
    return;
  }
  fail(res, 404, 'not found');
}

function fail(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Form bodies (WebClient's default) or JSON (what many clients send); nested values stay strings. */
function parseParams(contentType: string | undefined, raw: Buffer): Record<string, unknown> {
  if (raw.length === 0) return {};
  if (contentType?.startsWith('application/json'))
    return JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
}

async function uploadedBytes(
  contentType: string | undefined,
  raw: Buffer,
): Promise<{ bytes: Buffer; mimetype: string }> {
  if (contentType?.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
    for (const value of form.values()) {
      if (typeof value !== 'string')
        return {
          bytes: Buffer.from(await value.arrayBuffer()),
          mimetype: value.type || 'application/octet-stream',
        };
    }
  }
  return { bytes: raw, mimetype: contentType ?? 'application/octet-stream' };
}
