import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
/** Where an engine leaves files for the chat, relative to the run's working dir. */
export const OUTBOX_DIR = '.ferry/outbox';
/**
 * Sends the files an engine left in `<cwd>/.ferry/outbox` as documents, then moves each to
 * `.ferry/sent` so a later run does not send it again. Returns the names sent.
 */
export async function sendOutboxFiles(transport, cwd, chat, replyTo) {
    if (!transport.sendFile)
        return [];
    const dir = join(cwd, OUTBOX_DIR);
    let names;
    try {
        names = (await readdir(dir)).sort();
    }
    catch {
        return [];
    }
    const sentDir = join(cwd, '.ferry/sent');
    const sent = [];
    for (const name of names) {
        const path = join(dir, name);
        if (!(await stat(path)).isFile())
            continue;
        await transport.sendFile(chat, path, { caption: name, ...(replyTo ? { replyTo } : {}) });
        await mkdir(sentDir, { recursive: true });
        await rename(path, join(sentDir, `${Date.now()}-${name}`));
        sent.push(name);
    }
    return sent;
}
//# sourceMappingURL=outbox-files.js.map