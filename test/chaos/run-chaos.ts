import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { interruptedChecks, outcomeViolations } from './chaos-checks.js';
import { INITIAL_KNOBS } from './chaos-config.js';
import { allSettled, collectOutcomes, type Outcomes } from './chaos-outcomes.js';
import { type ChaosPlan, type ChaosSize, chaosPlan, type PlannedFault } from './chaos-plan.js';
import { buildReport, type ChaosReport } from './chaos-report.js';
import { ChaosWorld, type SentMessage } from './chaos-world.js';
import { DaemonSupervisor } from './daemon-supervisor.js';
import { FaultInjector } from './fault-injector.js';
import { checkJournal } from './journal-check.js';
import { waitTaggedGone } from './tagged-processes.js';

const REPO = resolve(fileURLToPath(import.meta.url), '../../..');
const CLI = join(REPO, 'packages/core/dist/cli.js');

export interface ChaosOptions {
  readonly seed: number;
  readonly size: ChaosSize;
  readonly sizeName: string;
  /** Longest wait for every message to be settled once the sending is over. */
  readonly settleTimeoutMs?: number;
  /** Progress lines (the CLI prints them; the test keeps them quiet). */
  readonly log?: (line: string) => void;
  /** Registers teardown that must run even if the caller gives up on the run (vitest's onTestFinished). */
  readonly cleanup?: (fn: () => Promise<void>) => void;
}

export interface FaultRecord {
  readonly fault: PlannedFault;
  readonly startedAt: number;
  readonly endedAt: number;
  readonly what: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One chaos run: the real daemon against both chat fakes, users sending the planned messages
 * while the planned faults strike, then the checks. The instance dir is kept (and named in the
 * report) when a check fails, so the daemon's log and state DB can be read afterwards.
 */
export async function runChaos(o: ChaosOptions): Promise<ChaosReport> {
  const log = o.log ?? (() => {});
  const plan: ChaosPlan = chaosPlan(o.seed, o.size);
  const tag = `${o.seed}-${process.pid}-${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), 'ferry-chaos-'));
  const configPath = join(dir, 'ferry.toml');
  for (const d of ['work', 'side']) mkdirSync(join(dir, d));
  const world = await ChaosWorld.start(plan.chats);
  const daemon = new DaemonSupervisor({
    cli: CLI,
    config: configPath,
    logFile: join(dir, 'daemon.log'),
    env: { FERRY_CHAOS_TAG: tag },
  });
  o.cleanup?.(() => daemon.close());
  o.cleanup?.(() => world.close());
  const violations: string[] = [];
  const injector = new FaultInjector(
    {
      world,
      daemon,
      configPath,
      endpoints: world.endpoints(join(dir, 'work'), join(dir, 'side')),
      violations,
    },
    INITIAL_KNOBS,
  );
  const started = Date.now();
  const sent: SentMessage[] = [];
  const faults: FaultRecord[] = [];
  const chat = (name: string) => plan.chats.find((c) => c.name === name)!;
  let outcomes: Outcomes | undefined;
  let finalExit = 'not stopped';
  let keep = true;
  try {
    writeFileSync(configPath, injector.config);
    daemon.start();
    await daemon.ready(90_000);
    log(`daemon ready; opening ${plan.openers.length} Slack threads`);
    for (const m of plan.openers) sent.push(world.send(m, chat(m.chat)));
    await waitUntil(() => allSettled(collectOutcomes(world, sent)), 90_000, 'the Slack thread openers');

    const t0 = Date.now();
    log(
      `chaos: ${plan.messages.length} more messages over ${plan.size.sendWindowMs / 1000} s, ${plan.faults.length} faults`,
    );
    const faulting = (async () => {
      for (const f of plan.faults) {
        await sleep(t0 + f.atMs - Date.now());
        const startedAt = Date.now();
        const what = await injector.inject(f).catch((err: Error) => {
          violations.push(`fault ${f.kind} failed: ${err.message}`);
          return `failed: ${err.message.split('\n')[0]}`;
        });
        faults.push({ fault: f, startedAt, endedAt: Date.now(), what });
        log(`  +${((startedAt - t0) / 1000).toFixed(1)} s ${f.kind}: ${what}`);
      }
    })();
    for (const m of plan.messages) {
      await sleep(t0 + m.atMs - Date.now());
      sent.push(world.send(m, chat(m.chat)));
    }
    await faulting;
    if (!daemon.running) daemon.start();
    await daemon.ready(90_000);
    log(`all sent after ${((Date.now() - t0) / 1000).toFixed(0)} s; waiting for every message to be settled`);
    const settled = await waitUntil(
      () => allSettled(collectOutcomes(world, sent)),
      o.settleTimeoutMs ?? 240_000,
      'every message settled',
    ).then(
      () => true,
      () => false,
    );
    if (!settled)
      violations.push(
        `not every message was settled within ${(o.settleTimeoutMs ?? 240_000) / 1000} s of the last send`,
      );
    await sleep(3000); // a second answer to anything would show up now
    outcomes = collectOutcomes(world, sent);
    finalExit = await daemon.stop();
    if (finalExit !== 'code 0')
      violations.push(`the final SIGTERM ended the daemon with ${finalExit}, not code 0`);
    const orphans = await waitTaggedGone(tag, 10_000);
    for (const p of orphans)
      violations.push(`orphan process ${p.pid} still alive 10 s after the final stop: ${p.cmd}`);
    const journal = checkJournal(join(dir, 'state', 'ferry.db'), sent);
    violations.push(
      ...daemon.unexpected,
      ...outcomeViolations(outcomes),
      ...journal.violations,
      ...interruptedChecks(world, outcomes, journal),
    );
    keep = violations.length > 0;
    return buildReport({
      plan,
      sizeName: o.sizeName,
      sent,
      outcomes,
      journal,
      faults,
      events: daemon.events,
      orphans: orphans.length,
      violations,
      wallMs: Date.now() - started,
      t0,
      dir: keep ? dir : undefined,
      proxies: { telegram: world.telegramProxy.stats, slack: world.slackProxy.stats },
    });
  } catch (err) {
    // the run could not finish (a daemon that never became ready, …): say where to look
    throw new Error(
      `chaos run aborted: ${(err as Error).message}\ninstance dir kept for inspection: ${dir}`,
      {
        cause: err,
      },
    );
  } finally {
    await daemon.close();
    await world.close();
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function waitUntil(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}
