import type { Command } from 'commander';
import { SystemClock } from '../clock/system-clock.js';
import { resolveConfigPath, stateDirOf } from '../config/config-path.js';
import { DaemonNotRunningError } from '../errors/codes.js';
import type { StatusReport } from '../host/status-report.js';
import { DaemonUnreachableError } from '../supervisor/daemon-errors.js';
import { requestDaemon } from '../supervisor/status-client.js';
import type { ReportExit } from './report-exit.js';

/** How long `ferry stop` waits for a daemon that hands its runs over (it exits within a second). */
const HANDOVER_WAIT_MS = 15_000;
/** Added to the drain timeout when waiting for a draining daemon (PERSIST, outbox flush). */
const DRAIN_MARGIN_MS = 30_000;
const LOOK_EVERY_MS = 200;

interface StopOptions {
  readonly drain?: boolean;
  readonly force?: boolean;
}

/** `ferry stop [--drain] [--force]` and `ferry restart [--force]`: asks this config's daemon. */
export function stopCommands(program: Command, set: ReportExit): void {
  program
    .command('stop')
    .description(
      'stop the daemon of this config; with live restore its runs go on and are picked up at the next start',
    )
    .option('--drain', 'wait for running runs to finish first (as with live_restore = false)')
    .option('--force', 'do not wait for runs: interrupt them (they are offered to /continue later)')
    .action((opts: StopOptions) => set(stop(opts)));
  program
    .command('restart')
    .description('restart the daemon of this config (in place, or through systemd when it runs under it)')
    .option('--force', 'do not wait for runs that cannot be handed over')
    .action((opts: { force?: boolean }) => set(restart(opts)));
}

async function restart(opts: { force?: boolean }): Promise<number> {
  const configPath = resolveConfigPath();
  await requestDaemon(stateDirOf(configPath), 'restart', { force: opts.force === true }, { configPath });
  process.stdout.write('restart requested\n');
  return 0;
}

async function stop(opts: StopOptions): Promise<number> {
  const configPath = resolveConfigPath();
  const stateDir = stateDirOf(configPath);
  const before = (await requestDaemon(stateDir, 'status', {}, { configPath })) as StatusReport;
  await requestDaemon(
    stateDir,
    'stop',
    { drain: opts.drain === true, force: opts.force === true },
    { configPath },
  );
  process.stdout.write(
    opts.drain
      ? `stopping ferry (pid ${before.pid}): waiting for ${before.runs.length} run(s) to finish\n`
      : `stopping ferry (pid ${before.pid})\n`,
  );
  const clock = new SystemClock();
  const limit =
    opts.drain && !opts.force ? (before.drain_timeout_s ?? 120) * 1000 + DRAIN_MARGIN_MS : HANDOVER_WAIT_MS;
  const deadline = clock.now() + limit;
  while (clock.now() < deadline) {
    try {
      await requestDaemon(stateDir, 'status', {}, { configPath, timeoutMs: 2000 });
    } catch (err) {
      if (err instanceof DaemonNotRunningError) {
        process.stdout.write('stopped\n');
        return 0;
      }
      // the socket closing under a request is the daemon going away: look again
      if (!(err instanceof DaemonUnreachableError)) throw err;
    }
    await clock.sleep(LOOK_EVERY_MS);
  }
  throw new Error(`ferry (pid ${before.pid}) is still running after ${limit / 1000} s`);
}
