import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Attachment } from '@ferry/core';
import type { SlackApi } from './slack-api.js';
import { SlackDownloadError } from './slack-errors.js';

/**
 * Saves a user's file: files.info for its `url_private`, then a GET with the bot token. The
 * token goes only to Slack's own hosts or to `api_url`'s host (a test server), never to a URL
 * a message could point anywhere else.
 */
export async function downloadFile(
  api: SlackApi,
  attachment: Attachment,
  destPath: string,
  signal?: AbortSignal,
): Promise<void> {
  const info = await api.fileInfo(attachment.id);
  const url = info.url_private_download ?? info.url_private;
  if (!url || !trusted(url, api.config.api_url)) {
    throw new SlackDownloadError(
      `slack: file ${attachment.id} (${attachment.name}) has no downloadable URL on a Slack host`,
    );
  }
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${api.config.bot_token}` },
    ...(signal ? { signal } : {}),
  });
  // without files:read Slack answers its HTML sign-in page with 200 instead of the file
  const html = res.headers.get('content-type')?.startsWith('text/html') && info.mimetype !== 'text/html';
  if (!res.ok || !res.body || html) {
    throw new SlackDownloadError(
      `slack: downloading ${attachment.name} failed (HTTP ${res.status}); does the app have files:read?`,
    );
  }
  const source = Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  if (signal) await pipeline(source, createWriteStream(destPath), { signal });
  else await pipeline(source, createWriteStream(destPath));
}

function trusted(url: string, apiUrl: string): boolean {
  const host = new URL(url).host;
  return host === new URL(apiUrl).host || host === 'slack.com' || host.endsWith('.slack.com');
}
