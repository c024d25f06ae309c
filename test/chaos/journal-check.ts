import Database from 'better-sqlite3';
import { refKey, type SentMessage } from './chaos-world.js';

export interface JournalReport {
  readonly entries: number;
  readonly byState: Record<string, number>;
  /** Entries of messages whose run was cut: `last_error` says by what. */
  readonly interrupted: { readonly key: string; readonly why: string }[];
  readonly violations: string[];
}

interface IngressRow {
  seq: number;
  transport: string;
  dedupe_key: string;
  event_json: string;
  state: string;
  last_error: string | null;
}

/**
 * Reads the state database after the final clean stop (read-only, so the check cannot change
 * what it checks): nothing may be left mid-way, every entry must be a message a user sent,
 * every sent message must have exactly one entry, no answer may wait in the outbox, and no run
 * may still count as running.
 */
export function checkJournal(dbPath: string, sent: readonly SentMessage[]): JournalReport {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const violations: string[] = [];
    const rows = db
      .prepare('SELECT seq, transport, dedupe_key, event_json, state, last_error FROM ingress ORDER BY seq')
      .all() as IngressRow[];
    const byState: Record<string, number> = {};
    const sentKeys = new Map(sent.map((m) => [refKey(m.ref), m]));
    const seen = new Map<string, number[]>();
    const interrupted: { key: string; why: string }[] = [];
    for (const r of rows) {
      byState[r.state] = (byState[r.state] ?? 0) + 1;
      const event = JSON.parse(r.event_json) as { messageRef?: { chat: { chat: string }; id: string } };
      const key = event.messageRef
        ? `${r.transport}:${event.messageRef.chat.chat}:${event.messageRef.id}`
        : undefined;
      const label = `journal seq ${r.seq} (${r.transport} ${r.dedupe_key}, ${r.state})`;
      if (['pending', 'running', 'answering'].includes(r.state))
        violations.push(`${label}: still ${r.state} after a clean stop`);
      if (!key || !sentKeys.has(key)) {
        violations.push(`${label}: maps to no message a user sent (${key ?? 'no messageRef'})`);
        continue;
      }
      seen.set(key, [...(seen.get(key) ?? []), r.seq]);
      if (r.last_error && /interrupted/.test(r.last_error)) interrupted.push({ key, why: r.last_error });
    }
    for (const [key, m] of sentKeys) {
      const seqs = seen.get(key) ?? [];
      if (seqs.length === 0) violations.push(`${m.plan.tag} (${m.chat.name}): sent, never journaled`);
      if (seqs.length > 1)
        violations.push(
          `${m.plan.tag} (${m.chat.name}): journaled ${seqs.length} times (seq ${seqs.join(', ')})`,
        );
    }
    const outbox = db
      .prepare(`SELECT id, seq, substr(text, 1, 60) AS text FROM outbox WHERE state = 'pending'`)
      .all() as {
      id: number;
      seq: number | null;
      text: string;
    }[];
    for (const o of outbox)
      violations.push(`outbox item ${o.id} (seq ${o.seq}) never confirmed: "${o.text}"`);
    const runs = db
      .prepare(`SELECT id, seq, state FROM runs WHERE state IN ('running', 'interrupted')`)
      .all() as {
      id: number;
      seq: number | null;
      state: string;
    }[];
    for (const r of runs) violations.push(`run ${r.id} (seq ${r.seq}) still ${r.state} after a clean stop`);
    return { entries: rows.length, byState, interrupted, violations };
  } finally {
    db.close();
  }
}
