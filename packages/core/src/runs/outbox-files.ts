import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef } from '../api/messages.js';
import type { Transport } from '../api/transport.js';

/** Where an engine leaves files for the chat, relative to the run's working dir. */
export const OUTBOX_DIR = '.ferry/outbox';

/**
 * Sends the files an engine left in `<cwd>/.ferry/outbox` as documents, then moves each to
 * `.ferry/sent` so a later run does not send it again. Returns the names sent.
 */
export async function sendOutboxFiles(
  transport: Transport,
  cwd: string,
  chat: ChatAddress,
  replyTo?: MessageRef,
): Promise<string[]> {
  if (!transport.sendFile) return [];
  const dir = join(cwd, OUTBOX_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return [];
  }
  const sentDir = join(cwd, '.ferry/sent');
  const sent: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (!(await stat(path)).isFile()) continue;
    await transport.sendFile(chat, path, { caption: name, ...(replyTo ? { replyTo } : {}) });
    await mkdir(sentDir, { recursive: true });
    await rename(path, join(sentDir, `${Date.now()}-${name}`));
    sent.push(name);
  }
  return sent;
}
