import type { Clock } from '../clock/clock.js';
import { parseCommand } from '../commands/parse-command.js';
import type { RestartConfig } from '../config/schema.js';
import type { IngressJournal } from '../ingress/ingress-journal.js';
import type { Logger } from '../logging/logger.js';
import type { LiveRuns } from '../runs/live-runs.js';
import type { Outbox } from '../runs/outbox.js';
import type { OutboxSender } from '../runs/outbox-sender.js';
import type { Reasons } from '../runs/reasons.js';
import type { RunLedger, RunRecord } from '../runs/run-ledger.js';
import type { RunService } from '../runs/run-service.js';
import type { TransportHub } from '../transports/transport-hub.js';

export const RESENT_MARKER = '(re-sent after a restart)';

export interface RecoveryDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly journal: IngressJournal;
  readonly ledger: RunLedger;
  readonly outbox: Outbox;
  readonly sender: OutboxSender;
  readonly reasons: Reasons;
  readonly runs: RunService;
  readonly hub: TransportHub;
  readonly live: LiveRuns;
  readonly restart: () => RestartConfig;
  readonly maxAttempts: () => number;
}

export interface RecoveryReport {
  readonly resent: number;
  /** Runs whose engine outlived the last generation, followed again (live restore). */
  readonly reattached: number;
  readonly interrupted: number;
  readonly autoResumed: number;
  readonly requeued: number;
  readonly dead: number;
}

/**
 * STARTUP's repair work (DESIGN §6): answers cut by a crash are sent again (marked), runs the
 * previous generation did not finish are reported in their chat and offered to `/continue`
 * (or resumed when `restart.auto_resume`), and journal entries stuck mid-way go back to
 * pending — or to the dead letters after too many attempts, so nothing loops forever.
 */
export class RecoveryService {
  constructor(private readonly d: RecoveryDeps) {}

  async recover(): Promise<RecoveryReport> {
    const resent = await this.#resendOutbox();
    const attached = this.#reattach();
    const { interrupted, autoResumed } = await this.#interruptedRuns(attached);
    const { requeued, dead } = await this.#strandedEntries(attached);
    const reattached = attached.size;
    const report = { resent, reattached, interrupted, autoResumed, requeued, dead };
    if (resent + reattached + interrupted + requeued + dead > 0)
      this.d.log.info(report, 'recovered from the previous generation');
    return report;
  }

  /** `/continue`: resumes the most recent interrupted run of the session. */
  async continueRun(session: string): Promise<string> {
    const run = this.d.ledger.lastRecovered(session);
    if (!run) return 'Nothing to continue here: no interrupted run was found.';
    this.d.ledger.close(run.id, 'finished');
    void this.d.runs.submit(this.#resumeJob(run, 'continue'));
    return `▶️ Continuing the interrupted ${run.engine} run.`;
  }

  async #resendOutbox(): Promise<number> {
    const before = this.d.outbox.pending().length;
    const failed = await this.d.sender.sendPending(RESENT_MARKER);
    return before - failed;
  }

  /**
   * Live restore: runs whose engine a previous generation left under its shim are followed
   * again (the runner re-reads the engine's output from its start and the answer is delivered
   * once, through the outbox). One that ended meanwhile is read to its end; one whose shim
   * died with it ends as a failed run. Returns the ledger ids and journal entries now running.
   */
  #reattach(): Map<number, number | undefined> {
    const attached = new Map<number, number | undefined>();
    const { live, ledger, hub, log } = this.d;
    const keep = new Set<number>();
    for (const run of ledger.unfinished()) {
      const state = live.state(run.id);
      if (state === 'absent') continue;
      if (state === 'incompatible' || !hub.has(run.chat.transport)) {
        // nobody can follow it: stop it, and report it below like any interrupted run
        log.warn({ runId: run.id, state }, 'a detached run cannot be re-attached; it is stopped');
        live.kill(run.id);
        continue;
      }
      keep.add(run.id);
      attached.set(run.id, run.seq);
      void this.d.runs.submit({
        ...(run.seq === undefined ? {} : { seq: run.seq }),
        chat: run.chat,
        session: run.session,
        prompt: run.prompt,
        engine: run.engine,
        cwd: run.cwd,
        ...(run.replyTo ? { replyTo: run.replyTo } : {}),
        ...(run.source ? { source: run.source } : {}),
        ...(run.progress ? { notice: run.progress } : {}),
        reattach: { runId: run.id, startedAt: run.startedAt, ...live.request(run.id) },
      });
      log.info(
        { runId: run.id, state, engine: run.engine },
        're-attached to a run that outlived the restart',
      );
    }
    const swept = live.sweep(keep);
    if (swept > 0) log.debug({ swept }, 'removed the directories of finished runs');
    return attached;
  }

  async #interruptedRuns(
    attached: ReadonlyMap<number, number | undefined>,
  ): Promise<{ interrupted: number; autoResumed: number }> {
    const cfg = this.d.restart();
    let autoResumed = 0;
    const runs = this.d.ledger.unfinished().filter((r) => !attached.has(r.id));
    for (const run of runs) {
      const why = run.state === 'running' ? 'interrupted by a crash' : 'interrupted by restart';
      if (run.progress)
        await this.d.hub.tryEdit(run.progress, { text: `⚠️ ${why} · ${run.engine} · ${run.steps} step(s)` });
      this.d.ledger.close(run.id, 'recovered');
      const here = this.d.hub.has(run.chat.transport);
      const resumable = run.resume !== undefined && here;
      // the message's outcome is a notice with a reason (through the outbox, so it cannot be
      // lost); resumption is a new run
      if (cfg.auto_resume && resumable && run.resumeAttempts < cfg.auto_resume_max_attempts) {
        autoResumed++;
        this.d.ledger.close(run.id, 'finished');
        await this.d.reasons.give(
          run.seq,
          run.chat,
          `⚠️ Your ${run.engine} run was ${why}; resuming it now.`,
          run.replyTo,
        );
        void this.d.runs.submit(this.#resumeJob(run, 'auto-resume'));
      } else if (here) {
        await this.d.reasons.give(
          run.seq,
          run.chat,
          `⚠️ Your ${run.engine} run was ${why}${run.steps ? ` after ${run.steps} step(s)` : ''}. Send /continue to pick it up.`,
          run.replyTo,
        );
      } else if (run.seq !== undefined) {
        // its transport is gone from the config: nobody to tell
        this.d.journal.setState(run.seq, 'done', why);
      }
    }
    return { interrupted: runs.length, autoResumed };
  }

  async #strandedEntries(
    attached: ReadonlyMap<number, number | undefined>,
  ): Promise<{ requeued: number; dead: number }> {
    let requeued = 0;
    let dead = 0;
    const pending = new Set(this.d.outbox.pending().map((i) => i.seq));
    const following = new Set(attached.values());
    for (const entry of this.d.journal.list(['running', 'answering'])) {
      if (following.has(entry.seq)) continue;
      if (entry.state === 'answering') {
        // its answer (or reason) was confirmed but the state change was cut; one still pending
        // in the outbox stays with the retry loop
        if (!pending.has(entry.seq)) this.d.journal.setState(entry.seq, 'done');
        continue;
      }
      if (entry.event.kind === 'callback') {
        // a button press is a command too: at most once, so a cut one is not pressed again
        await this.d.reasons.give(
          entry.seq,
          entry.event.chat,
          '⚠️ A button press was interrupted by a restart; press it again if it is still wanted.',
          entry.event.messageRef,
        );
        continue;
      }
      if (!entry.event.origin && parseCommand(entry.event.text)) {
        // commands run at most once: re-running a cut `/restart` would restart forever
        await this.d.reasons.give(
          entry.seq,
          entry.event.chat,
          `⚠️ ${entry.event.text.split(/\s/)[0]} was interrupted by a restart; send it again if it is still wanted.`,
          entry.event.messageRef,
        );
        continue;
      }
      if (entry.attempts >= this.d.maxAttempts()) {
        dead++;
        this.d.journal.setState(entry.seq, 'dead', 'too many attempts');
        await this.d.reasons.give(
          entry.seq,
          entry.event.chat,
          `⚠️ I could not process this message after ${entry.attempts} attempts; it is kept for an operator (ferry journal list).`,
          entry.event.messageRef,
          'dead',
        );
      } else {
        requeued++;
        this.d.journal.setState(entry.seq, 'pending');
      }
    }
    return { requeued, dead };
  }

  #resumeJob(run: RunRecord, source: string) {
    const note =
      `[Ferry: your previous turn was interrupted by a restart after ${run.steps} step(s). ` +
      'Check the current state before repeating anything with side effects, then continue.]';
    // with a resume token the engine has the original request in its session already;
    // without one it never started, so the request itself is what must run
    const prompt = run.resume ? `${note}\n\nContinue the interrupted task.` : run.prompt;
    return {
      chat: run.chat,
      session: run.session,
      prompt,
      engine: run.engine,
      cwd: run.cwd,
      source,
      resumeAttempts: run.resumeAttempts + 1,
      ...(run.resume ? { resume: run.resume } : {}),
      ...(run.replyTo ? { replyTo: run.replyTo } : {}),
    };
  }
}
