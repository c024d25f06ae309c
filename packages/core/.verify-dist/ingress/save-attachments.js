import { mkdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
/** Keeps names portable and inside the target dir: no separators, no leading dots, bounded length. */
export function sanitiseFileName(name) {
    const base = basename(name.replace(/\\/g, '/'))
        .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
        .replace(/^[.\s]+/, '')
        .trim()
        .slice(0, 120);
    return base || 'file';
}
/** A name not yet used in `dir`: `report.txt`, `report-1.txt`, … (a user's earlier upload is never overwritten). */
async function freeName(dir, name) {
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let i = 0;; i++) {
        const candidate = i === 0 ? name : `${stem}-${i}${ext}`;
        try {
            await stat(join(dir, candidate));
        }
        catch {
            return candidate;
        }
    }
}
/** Saves a message's attachments into the run's working dir, refusing what is over the size cap. */
export async function saveAttachments(transport, attachments, dir, maxBytes) {
    const saved = [];
    const refused = [];
    if (!transport.download)
        return { saved, refused: attachments.map((a) => a.name) };
    await mkdir(dir, { recursive: true });
    for (const a of attachments) {
        if (a.size !== undefined && a.size > maxBytes) {
            refused.push(`${a.name} (over ${Math.round(maxBytes / 1_048_576)} MB)`);
            continue;
        }
        const name = await freeName(dir, sanitiseFileName(a.name));
        await transport.download(a, join(dir, name));
        saved.push(name);
    }
    return { saved, refused };
}
//# sourceMappingURL=save-attachments.js.map