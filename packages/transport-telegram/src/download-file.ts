import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { File } from 'grammy/types';
import type { TelegramConfig } from './telegram-config.js';
import { TelegramDownloadError } from './telegram-errors.js';

/**
 * Fetches a file `getFile` described from `{api_root}/file/bot<token>/<file_path>` into
 * `destPath`; a half-written file is removed. The URL holds the token, so it never goes into
 * an error message.
 */
export async function downloadFile(
  config: TelegramConfig,
  file: File,
  name: string,
  destPath: string,
  signal?: AbortSignal,
): Promise<void> {
  if (!file.file_path) {
    throw new TelegramDownloadError(`telegram: ${name} has no download path (too big for the Bot API?)`);
  }
  let res: Response;
  try {
    res = await fetch(
      `${config.api_root}/file/bot${config.bot_token}/${file.file_path}`,
      signal ? { signal } : {},
    );
  } catch (err) {
    throw new TelegramDownloadError(`telegram: downloading ${name} failed`, { cause: err });
  }
  if (!res.ok || !res.body) {
    throw new TelegramDownloadError(`telegram: downloading ${name} failed: HTTP ${res.status}`);
  }
  try {
    await pipeline(
      Readable.fromWeb(res.body as WebReadableStream<Uint8Array>),
      createWriteStream(destPath),
      signal ? { signal } : {},
    );
  } catch (err) {
    await rm(destPath, { force: true });
    throw new TelegramDownloadError(`telegram: downloading ${name} failed`, { cause: err });
  }
}
