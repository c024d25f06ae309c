import type { IncomingMessage } from 'node:http';

/** A file part of a multipart request. */
export interface UploadedFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

export interface BotRequest {
  readonly params: Record<string, unknown>;
  readonly files: Map<string, UploadedFile>;
}

/**
 * Reads a Bot API request the four ways Telegram accepts one: GET query, JSON,
 * urlencoded and multipart. In the last two, nested values arrive as JSON strings
 * (`reply_markup`, `reply_parameters`) and are decoded here, as Telegram does.
 */
export async function readBotRequest(req: IncomingMessage, url: URL): Promise<BotRequest> {
  const params: Record<string, unknown> = {};
  const files = new Map<string, UploadedFile>();
  for (const [k, v] of url.searchParams) params[k] = decodeValue(k, v);
  const body = await readBody(req);
  const type = req.headers['content-type'] ?? '';
  if (body.length === 0) return { params, files };
  if (type.startsWith('application/json')) {
    Object.assign(params, JSON.parse(body.toString('utf8')) as Record<string, unknown>);
  } else if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params[k] = decodeValue(k, v);
  } else if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    if (!boundary) throw new Error('multipart without boundary');
    for (const part of parseMultipart(body, boundary[1] ?? boundary[2]!)) {
      if (part.filename !== undefined) {
        files.set(part.name, {
          field: part.name,
          filename: part.filename,
          contentType: part.contentType,
          content: part.content,
        });
      } else {
        params[part.name] = decodeValue(part.name, part.content.toString('utf8'));
      }
    }
    // a file given as attach://<name> lives in the part called <name>
    for (const [k, v] of Object.entries(params)) {
      if (typeof v === 'string' && v.startsWith('attach://')) {
        const file = files.get(v.slice('attach://'.length));
        if (file) files.set(k, { ...file, field: k });
      }
    }
  }
  return { params, files };
}

/** Fields whose value is an object or array; everything else stays a string (handlers coerce). */
const JSON_FIELDS = new Set([
  'reply_markup',
  'reply_parameters',
  'allowed_updates',
  'commands',
  'scope',
  'entities',
  'caption_entities',
  'link_preview_options',
]);

function decodeValue(key: string, v: string): unknown {
  if (!JSON_FIELDS.has(key)) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

interface Part {
  readonly name: string;
  readonly filename?: string;
  readonly contentType: string;
  readonly content: Buffer;
}

function parseMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // each part: CRLF, headers, CRLF CRLF, content, CRLF, next delimiter
    const chunk = body.subarray(start + 2, next - 2);
    const headerEnd = chunk.indexOf('\r\n\r\n');
    const headers = chunk.subarray(0, headerEnd).toString('utf8');
    const content = chunk.subarray(headerEnd + 4);
    // grammY writes `filename=x.txt` unquoted; browsers quote it
    const name = /(?:^|[;\s])name="([^"]*)"/i.exec(headers)?.[1] ?? '';
    const fileMatch = /filename=(?:"([^"]*)"|([^;\r\n]+))/i.exec(headers);
    const filename = fileMatch ? (fileMatch[1] ?? fileMatch[2]!.trim()) : undefined;
    const contentType = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
    parts.push({ name, contentType, content, ...(filename !== undefined ? { filename } : {}) });
    at = next;
  }
  return parts;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
