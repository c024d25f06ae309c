import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { SystemClock } from '../clock/system-clock.js';
import { resolveConfigPath, stateDirOf } from '../config/config-path.js';
import { UsageError } from '../errors/codes.js';
import { IngressJournal } from '../ingress/ingress-journal.js';
import {
  JOURNAL_STATES,
  JournalAdmin,
  JournalEntryNotFoundError,
  MAX_LIST_LIMIT,
  parseJournalStates,
} from '../ingress/journal-admin.js';
import {
  detailEntry,
  type JournalChangeResult,
  type JournalEntryDetail,
  type JournalEntrySummary,
  type JournalListResult,
  summariseEntry,
} from '../ingress/journal-ops.js';
import { createLogger } from '../logging/logger.js';
import { formatDuration } from '../runs/format-duration.js';
import { StateStore, stateDbPath } from '../state/state-store.js';
import { requestDaemon } from '../supervisor/status-client.js';
import type { ReportExit } from './report-exit.js';

const LIST_TEXT_CHARS = 60;
const LIST_ERROR_CHARS = 120;

/** Who answered: the running daemon, or the state database opened here because none runs. */
type Via = 'daemon' | 'database' | 'database-old-daemon';

interface Target {
  readonly configPath: string;
  readonly stateDir: string;
  readonly clock: SystemClock;
}

/** `ferry journal list|show|replay|drop`: the operator's tool for dead letters (docs/journal.md). */
export function journalCommands(program: Command, set: ReportExit): void {
  const journal = program
    .command('journal')
    .description('look at the ingress journal and replay or drop dead letters (see docs/journal.md)');
  journal
    .command('list')
    .description('list journal entries, oldest first: seq, state, attempts, age, chat, text, last error')
    .option('--state <states>', `comma-separated states: ${JOURNAL_STATES.join(', ')}, or all`, 'dead')
    .option('--limit <n>', `at most this many entries (1–${MAX_LIST_LIMIT})`, '50')
    .option('--json', 'print {"entries": [...]} as JSON')
    .action((opts: { state: string; limit: string; json?: boolean }) => set(list(opts)));
  journal
    .command('show <seq>')
    .description('show one entry: its state, last error and the event as journaled')
    .option('--json', 'print the entry as JSON')
    .action((seq: string, opts: { json?: boolean }) => set(show(seq, opts)));
  journal
    .command('replay <seq>')
    .description(
      'set a dead (or pending) entry pending again with its attempts reset; a running daemon runs it now',
    )
    .action((seq: string) => set(change('replay', seq)));
  journal
    .command('drop <seq>')
    .description('give up on a dead (or pending) entry: mark it done, "dropped by operator"')
    .action((seq: string) => set(change('drop', seq)));
}

function target(): Target {
  const configPath = resolveConfigPath();
  return { configPath, stateDir: stateDirOf(configPath), clock: new SystemClock() };
}

async function list(opts: { state: string; limit: string; json?: boolean }): Promise<number> {
  const t = target();
  const states = usage(() => parseJournalStates(opts.state));
  const limit = Number(opts.limit);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT) {
    throw new UsageError(`--limit must be an integer from 1 to ${MAX_LIST_LIMIT}, not "${opts.limit}"`);
  }
  const { result, via } = await ask<JournalListResult>(
    t,
    'journal.list',
    { states: states.join(','), limit },
    (admin) => ({
      entries: admin ? admin.list(states, limit).map(summariseEntry) : [],
    }),
  );
  warnOldDaemon(via);
  if (opts.json) return print(JSON.stringify(result));
  if (result.entries.length === 0) return print(`no journal entries in state ${states.join(', ')}`);
  return print(result.entries.map((e) => listLine(e, t.clock.now())).join('\n'));
}

async function show(seqText: string, opts: { json?: boolean }): Promise<number> {
  const seq = parseSeq(seqText);
  const t = target();
  const { result, via } = await ask<JournalEntryDetail>(t, 'journal.show', { seq }, (admin) => {
    if (!admin) throw new JournalEntryNotFoundError(seq);
    return detailEntry(admin.show(seq));
  });
  warnOldDaemon(via);
  if (opts.json) return print(JSON.stringify(result));
  const age = formatDuration(t.clock.now() - result.received_at);
  return print(
    [
      `#${result.seq} ${result.state} · ${result.attempts} attempt(s) · received ${new Date(result.received_at).toISOString()} (${age} ago)`,
      `chat: ${result.chat} · session: ${result.session} · ${result.kind}`,
      `last error: ${result.last_error ?? 'none'}`,
      'event:',
      JSON.stringify(result.event, null, 2),
    ].join('\n'),
  );
}

async function change(action: 'replay' | 'drop', seqText: string): Promise<number> {
  const seq = parseSeq(seqText);
  const t = target();
  const { result, via } = await ask<JournalChangeResult>(t, `journal.${action}`, { seq }, (admin) => {
    if (!admin) throw new JournalEntryNotFoundError(seq);
    return {
      entry: summariseEntry(action === 'replay' ? admin.replay(seq) : admin.drop(seq)),
      dispatched: false,
    };
  });
  const e = result.entry;
  if (action === 'drop')
    return print(`dropped #${e.seq}: ${e.state} (${e.last_error ?? 'no reason recorded'})`);
  const when =
    via === 'daemon'
      ? 'the running daemon is processing it now'
      : via === 'database'
        ? `no ferry is running for ${t.configPath}, so it runs at the next start`
        : 'the running daemon is too old to take it now (restart it with this build); it runs at its next start';
  return print(`replayed #${e.seq}: pending with ${e.attempts} attempts; ${when}`);
}

/**
 * Sends `op` to the daemon of this config. When none runs, or it is an older build without
 * journal ops, `local` gets a JournalAdmin over the state database opened here (undefined
 * when the database does not exist yet: nothing is created just to look).
 */
async function ask<T>(
  t: Target,
  op: string,
  args: Record<string, unknown>,
  local: (admin: JournalAdmin | undefined) => T,
): Promise<{ result: T; via: Via }> {
  let via: Via;
  try {
    const result = (await requestDaemon(t.stateDir, op, args, {
      timeoutMs: 10_000,
      configPath: t.configPath,
    })) as T;
    return { result, via: 'daemon' };
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'FERRY_DAEMON_NOT_RUNNING') via = 'database';
    else if (code === 'FERRY_DAEMON_UNKNOWN_OP') via = 'database-old-daemon';
    else throw err;
  }
  if (!existsSync(stateDbPath(t.stateDir))) return { result: local(undefined), via };
  // warn, not silent: a damaged database is moved aside on open, and the operator must hear it
  const store = StateStore.open(t.stateDir, { logger: createLogger({ level: 'warn' }), clock: t.clock });
  try {
    return { result: local(new JournalAdmin(new IngressJournal(store, t.clock), store)), via };
  } finally {
    store.close();
  }
}

function listLine(e: JournalEntrySummary, now: number): string {
  const text = oneLine(e.text, LIST_TEXT_CHARS);
  const error = e.last_error === null ? '' : `  error: ${oneLine(e.last_error, LIST_ERROR_CHARS)}`;
  const age = `${formatDuration(now - e.received_at)} ago`;
  return `#${e.seq}  ${e.state}  ${e.attempts} attempt(s)  ${age}  ${e.chat}  "${text}"${error}`;
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function parseSeq(text: string): number {
  const m = /^#?([1-9]\d*)$/.exec(text.trim());
  const seq = m ? Number(m[1]) : Number.NaN;
  if (!Number.isSafeInteger(seq))
    throw new UsageError(`"${text}" is not a journal seq; use the number shown by \`ferry journal list\``);
  return seq;
}

/** A bad option value is a usage error (exit 2), whatever the parser calls it. */
function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new UsageError(`--state: ${(err as Error).message}`, { cause: err });
  }
}

function warnOldDaemon(via: Via): void {
  if (via === 'database-old-daemon') {
    process.stderr.write(
      'note: the running daemon does not know journal ops; read the state database directly\n',
    );
  }
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return 0;
}
