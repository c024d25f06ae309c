import { readdirSync, readFileSync } from 'node:fs';

export interface TaggedProcess {
  readonly pid: number;
  readonly cmd: string;
}

/**
 * Live processes carrying `FERRY_CHAOS_TAG=<tag>` in their environment (from /proc; Linux).
 * The daemon passes its environment on to engine processes (secrets aside), so this finds
 * every demo agent of this run — and none of a test running next to it.
 */
export function taggedProcesses(tag: string): TaggedProcess[] {
  const needle = `\0FERRY_CHAOS_TAG=${tag}\0`;
  const found: TaggedProcess[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z')) continue; // a zombie is dead already
      const env = `\0${readFileSync(`/proc/${name}/environ`, 'latin1')}`;
      if (!env.includes(needle)) continue;
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim();
      found.push({ pid: Number(name), cmd });
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return found;
}

/** Waits up to `timeoutMs` for the tagged processes to be gone; returns those still alive. */
export async function waitTaggedGone(tag: string, timeoutMs: number): Promise<TaggedProcess[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const left = taggedProcesses(tag);
    if (left.length === 0 || Date.now() >= until) return left;
    await new Promise((r) => setTimeout(r, 200));
  }
}
