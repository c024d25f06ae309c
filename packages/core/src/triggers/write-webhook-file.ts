import { lstat, mkdir, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { writeFileAtomic } from '../config/atomic-write.js';
import { WebhookFilePathError } from './trigger-errors.js';

export interface FileNameParts {
  readonly webhookId: string;
  /** The call's dedupe key: a redelivery writes the same file again instead of a second one. */
  readonly key: string;
  readonly now: number;
}

/**
 * `file_write`: stores the raw body at `template` inside `dir` and returns the path relative
 * to it. Placeholders (`{{webhook.id}}`, `{{key}}`, `{{date}}`, `{{time}}`) are reduced to safe
 * characters; a result that would leave `dir` (`..`, an absolute path, a symlink) is refused.
 */
export async function writeWebhookFile(
  dir: string | undefined,
  template: string,
  parts: FileNameParts,
  body: Buffer,
): Promise<string> {
  if (!dir)
    throw new WebhookFilePathError(`webhook "${parts.webhookId}": file_write needs [triggers] file_dir`);
  const iso = new Date(parts.now).toISOString();
  const values: Record<string, string> = {
    'webhook.id': parts.webhookId,
    key: parts.key,
    date: iso.slice(0, 10),
    time: iso.slice(11, 19).replaceAll(':', ''),
  };
  const name = template.replace(/\{\{\s*([a-z.]+)\s*\}\}/g, (_, k: string) =>
    (values[k] ?? '').replace(/[^A-Za-z0-9._-]/g, '_'),
  );
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const root = await realpath(dir);
  const target = resolve(root, name);
  const rel = relative(root, target);
  if (!rel || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel))
    throw outside(parts.webhookId, name);
  await mkdir(dirname(target), { recursive: true, mode: 0o700 });
  // a symlink anywhere on the way could point outside: compare real paths, and never follow one at the end
  const parent = await realpath(dirname(target));
  if (parent !== root && !parent.startsWith(`${root}${sep}`)) throw outside(parts.webhookId, name);
  const existing = await lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw outside(parts.webhookId, name);
  await writeFileAtomic(target, body);
  return rel;
}

function outside(id: string, name: string): WebhookFilePathError {
  return new WebhookFilePathError(`webhook "${id}": file_path "${name}" is outside [triggers] file_dir`);
}
