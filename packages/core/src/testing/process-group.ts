// For plugin authors' tests: did cancelling a run really leave nothing of its process group?
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** Pids of running (not zombie) processes in group `pgid`, read from /proc. */
export function runningInGroup(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // Fields after the parenthesised command: state, ppid, pgrp, …
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z') members.push(Number(entry));
  }
  return members;
}

/** Polls until nothing of group `pgid` runs; returns what still runs after `timeoutMs`. */
export async function waitForGroupGone(pgid: number, timeoutMs = 5000): Promise<number[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const left = runningInGroup(pgid);
    if (left.length === 0 || Date.now() > until) return left;
    await delay(20);
  }
}
