import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { buildHarness } from '../__fixtures__/service-harness.js';
import { SystemClock } from '../clock/system-clock.js';
import { IngressJournal } from '../ingress/ingress-journal.js';
import { registerJournalOps } from '../ingress/journal-ops.js';
import { createLogger } from '../logging/logger.js';
import { StateStore, stateDbPath } from '../state/state-store.js';
import { StatusServer } from '../supervisor/status-server.js';
import { MemoryTransport } from '../testing/memory-transport.js';
import { ScriptedRunner, simpleScript } from '../testing/scripted-runner.js';

/*
 * `ferry journal …` as users run it: the built CLI (`pnpm build` first) as a child process,
 * against a config dir whose state database was prepared with a dead letter.
 */

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const CONFIG = 'default_engine = "demo"\n[transports.console]\n';
const logger = createLogger({ level: 'silent' });

function instance(): { dir: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-journal-cli-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const config = join(dir, 'ferry.toml');
  writeFileSync(config, CONFIG);
  return { dir, config };
}

function event(text: string) {
  const chat = { transport: 'memory', chat: 'local' };
  return {
    transport: 'memory',
    dedupeKey: randomUUID(),
    kind: 'message' as const,
    chat,
    sender: { id: 'me' },
    text,
    messageRef: { chat, id: '1' },
    sentAt: Date.now(),
  };
}

/** What recovery leaves after too many attempts: a dead entry with its last error. */
async function deadLetter(journal: IngressJournal, text: string): Promise<number> {
  const [entry] = await journal.append([event(text)]);
  journal.claim(entry!.seq);
  journal.setState(entry!.seq, 'dead', 'too many attempts');
  return entry!.seq;
}

/** Opens the instance's database the way the daemon does, for preparing and checking it. */
async function withJournal<T>(dir: string, fn: (journal: IngressJournal) => T | Promise<T>): Promise<T> {
  const clock = new SystemClock();
  const store = StateStore.open(dir, { logger, clock });
  try {
    return await fn(new IngressJournal(store, clock));
  } finally {
    store.close();
  }
}

/** Runs the CLI without blocking this process: the "daemon" of one test lives in it. */
function ferry(
  config: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, FERRY_CONFIG_PATH: config },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('ferry journal (no daemon running: the state database directly)', () => {
  it('lists dead letters one line each, and as JSON', async () => {
    const { dir, config } = instance();
    const seq = await withJournal(dir, (j) =>
      deadLetter(j, 'please deploy\nthe staging branch to the cluster and then run every smoke test twice'),
    );

    const human = await ferry(config, ['journal', 'list']);
    const json = await ferry(config, ['journal', 'list', '--json']);

    expect(human.code).toBe(0);
    const lines = human.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^#${seq}  dead  1 attempt\\(s\\)  \\d+ m?s ago  memory:local  "please deploy the staging`),
    );
    expect(lines[0]).toContain('and then run…"  error: too many attempts'); // 60 chars of text
    expect(JSON.parse(json.stdout).entries).toEqual([
      expect.objectContaining({ seq, state: 'dead', chat: 'memory:local' }),
    ]);
  });

  it('shows one entry with its event and last error', async () => {
    const { dir, config } = instance();
    const seq = await withJournal(dir, (j) => deadLetter(j, 'deploy it'));

    const r = await ferry(config, ['journal', 'show', String(seq)]);

    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^#${seq} dead · 1 attempt\\(s\\)`));
    expect(r.stdout).toContain('last error: too many attempts');
    expect(r.stdout).toContain('"text": "deploy it"');
  });

  it('replays a dead letter as pending for the next start, and says so', async () => {
    const { dir, config } = instance();
    const seq = await withJournal(dir, (j) => deadLetter(j, 'deploy it'));

    const r = await ferry(config, ['journal', 'replay', `#${seq}`]);

    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /replayed #\d+: pending with 0 attempts; no ferry is running for .*ferry\.toml, so it runs at the next start/,
    );
    expect(await withJournal(dir, (j) => j.get(seq))).toMatchObject({ state: 'pending', attempts: 0 });
  });

  it('drops a dead letter, and then refuses to replay it', async () => {
    const { dir, config } = instance();
    const seq = await withJournal(dir, (j) => deadLetter(j, 'never mind'));

    const drop = await ferry(config, ['journal', 'drop', String(seq)]);
    const replay = await ferry(config, ['journal', 'replay', String(seq)]);

    expect(drop.code).toBe(0);
    expect(drop.stdout.trim()).toBe(`dropped #${seq}: done (dropped by operator)`);
    expect(replay.code).toBe(1);
    expect(replay.stderr).toBe(
      `error: journal entry #${seq} is done, so there is nothing to replay; ask the user in the chat to send the message again\n`,
    );
  });

  it('exits 1 with one error line for an unknown seq, 2 for a malformed seq or state', async () => {
    const { dir, config } = instance();
    await withJournal(dir, (j) => deadLetter(j, 'x'));

    const unknown = await ferry(config, ['journal', 'show', '999']);
    const badSeq = await ferry(config, ['journal', 'replay', 'abc']);
    const badState = await ferry(config, ['journal', 'list', '--state', 'deadd']);

    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: no journal entry #999; .*\n$/);
    expect(badSeq.code).toBe(2);
    expect(badState.code).toBe(2);
    expect(badState.stderr).toMatch(/^error: --state: "deadd" is not a journal state/);
  });

  it('does not create a state database just to look', async () => {
    const { dir, config } = instance();

    const r = await ferry(config, ['journal', 'list']);

    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe('no journal entries in state dead');
    expect(existsSync(stateDbPath(dir))).toBe(false);
  });
});

describe('ferry journal (daemon running: through its status socket)', () => {
  it('replays through the daemon, which runs the entry at once', async () => {
    const { dir, config } = instance();
    const transport = new MemoryTransport();
    const runner = new ScriptedRunner((req) => simpleScript(`did: ${req.prompt}`));
    const h = await buildHarness({ dir, transport, engines: { test: runner } });
    onTestFinished(() => h.destroy());
    await h.startup();
    const server = new StatusServer({ stateDir: dir, logger });
    registerJournalOps(server, {
      journal: h.journal,
      dispatcher: h.dispatcher,
      store: h.store,
      clock: h.clock,
    });
    await server.listen();
    onTestFinished(() => server.close());
    const seq = await deadLetter(h.journal, 'deploy it');

    const list = await ferry(config, ['journal', 'list', '--state', 'dead,pending']);
    const replay = await ferry(config, ['journal', 'replay', String(seq)]);

    expect(list.stdout).toMatch(new RegExp(`^#${seq}  dead  `));
    expect(replay.code).toBe(0);
    expect(replay.stdout.trim()).toBe(
      `replayed #${seq}: pending with 0 attempts; the running daemon is processing it now`,
    );
    await transport.waitFor((t) => t.texts().some((x) => x.startsWith('did: deploy it')));
  });
});
