import { inject, injectable } from 'tsyringe';
import { type ChatAddress, formatChatAddress } from '../api/chat-address.js';
import type { DrainReport, DrainRequest } from '../api/lifecycle.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import { RunCancelledError, RunDetachedError } from '../errors/codes.js';
import type { IngressJournal } from '../ingress/ingress-journal.js';
import type { Logger } from '../logging/logger.js';
import { CLOCK, ENGINE_SOURCE, INGRESS_JOURNAL, LOGGER, TRANSPORT_HUB } from '../tokens.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { ActiveRun } from './active-run.js';
import { AnswerDelivery } from './answer-delivery.js';
import { ApprovalBroker } from './approval-broker.js';
import { CostLedger } from './cost-ledger.js';
import { type DrainOptions, drainRuns } from './drain-runs.js';
import type { EngineSource } from './engine-source.js';
import { type ExecuteDeps, executeRun } from './execute-run.js';
import { LIVE_RUNS, type LiveRuns } from './live-runs.js';
import type { ActiveRunInfo, RunJob } from './run-job.js';
import { RunLedger } from './run-ledger.js';
import { SessionStore } from './session-store.js';

interface Waiting {
  readonly job: RunJob;
  notice?: MessageRef;
  /** What its notice last said. */
  ahead?: number;
  readonly resolve: () => void;
}

interface SessionQueue {
  running?: ActiveRun;
  readonly waiting: Waiting[];
}

/**
 * Runs engines for chats: one FIFO queue per session (chat or thread), progress in one
 * message edited in place, the answer as a new message through the durable outbox.
 */
@injectable()
export class RunService {
  readonly #queues = new Map<string, SessionQueue>();
  readonly #active = new Map<number, ActiveRun>();
  #accepting = true;

  constructor(
    @inject(CLOCK) private readonly clock: Clock,
    @inject(LOGGER) private readonly log: Logger,
    @inject(TRANSPORT_HUB) private readonly hub: TransportHub,
    @inject(ENGINE_SOURCE) private readonly engines: EngineSource,
    @inject(INGRESS_JOURNAL) private readonly journal: IngressJournal,
    @inject(SessionStore) private readonly sessions: SessionStore,
    @inject(RunLedger) private readonly ledger: RunLedger,
    @inject(AnswerDelivery) private readonly delivery: AnswerDelivery,
    @inject(CostLedger) private readonly costs: CostLedger,
    @inject(ApprovalBroker) private readonly approvals: ApprovalBroker,
    @inject(LIVE_RUNS) private readonly live: LiveRuns,
  ) {}

  get #deps(): ExecuteDeps {
    return {
      clock: this.clock,
      log: this.log,
      hub: this.hub,
      engines: this.engines,
      sessions: this.sessions,
      ledger: this.ledger,
      delivery: this.delivery,
      costs: this.costs,
      approvals: this.approvals,
      live: this.live,
    };
  }

  /** Queues a job; resolves when it has finished (answered, failed, cancelled or interrupted). */
  submit(job: RunJob): Promise<void> {
    const queue = this.#queues.get(job.session) ?? { waiting: [] };
    this.#queues.set(job.session, queue);
    return new Promise<void>((resolve) => {
      const waiting: Waiting = { job, resolve, ...(job.notice ? { notice: job.notice } : {}) };
      queue.waiting.push(waiting);
      if (queue.running || queue.waiting.length > 1) void this.#announceQueued(waiting, queue.waiting.length);
      this.#pump(job.session);
    });
  }

  /** Stops starting queued jobs (a drain began); queued entries stay pending in the journal. */
  stopAccepting(): void {
    this.#accepting = false;
    for (const queue of this.#queues.values()) {
      for (const w of queue.waiting.splice(0)) w.resolve();
    }
  }

  active(): ActiveRunInfo[] {
    return [...this.#active.values()].map((r) => ({
      id: r.id,
      session: r.job.session,
      engine: r.job.engine,
      chat: r.job.chat,
      startedAt: r.startedAt,
      lastOutputAt: r.lastOutputAt,
      steps: r.reporter?.steps ?? 0,
      ...(r.live?.started ? { detached: { shimPid: r.live.shimPid, enginePid: r.live.enginePid } } : {}),
    }));
  }

  /**
   * Live restore: lets go of every run whose engine runs under a shim, leaving the engine
   * running for the next generation; resolves once their records say `detached`. Runs that
   * cannot be handed over (in-process engines) stay for the drain.
   */
  async handOver(): Promise<number> {
    const handed = [...this.#active.values()].filter((r) => r.live?.started);
    for (const run of handed) {
      run.live!.released = true;
      run.controller.abort(new RunDetachedError('handed over to the next generation'));
    }
    await Promise.allSettled(handed.map((r) => r.done));
    if (handed.length > 0)
      this.log.info({ runs: handed.map((r) => r.id) }, 'runs handed over, engines left running');
    return handed.length;
  }

  queued(): number {
    let n = 0;
    for (const q of this.#queues.values()) n += q.waiting.length;
    return n;
  }

  /** `/cancel`: the run whose progress message is `ref`, else the session's running run. */
  cancel(session: string, ref?: MessageRef): boolean {
    const run =
      [...this.#active.values()].find(
        (r) => ref && r.progress?.id === ref.id && r.progress.chat.chat === ref.chat.chat,
      ) ?? this.#queues.get(session)?.running;
    if (!run) return false;
    run.reporter?.setStatus('cancelling');
    run.controller.abort(new RunCancelledError(`cancelled in ${formatChatAddress(run.job.chat)}`));
    return true;
  }

  cancelById(id: number): boolean {
    const run = this.#active.get(id);
    if (!run) return false;
    return this.cancel(run.job.session, run.progress);
  }

  /** A press on an approval button (`approve:…`), from the chat `chat`, by `by`. */
  answerApproval(data: string, chat: ChatAddress, by: string): Promise<void> {
    return this.approvals.press(data, chat, by);
  }

  /** Starts queued jobs again after a drain that failed (the coordinator reopened the gate). */
  resumeAccepting(): void {
    this.#accepting = true;
  }

  /**
   * Waits for running runs until the deadline, then interrupts what is left. Liveness-aware:
   * a run that produced no engine output for `stuckAfterMs` is stuck, and is interrupted
   * without waiting out the deadline. Runs of `exempt` sessions (the one that asked for the
   * restart) are interrupted at once.
   */
  async drain(req: DrainRequest, options: DrainOptions = {}): Promise<DrainReport> {
    this.stopAccepting();
    return drainRuns(() => this.#active.values(), this.clock, req, {
      waitingOnHuman: (id) => this.approvals.hasPending(id),
      ...options,
    });
  }

  #pump(session: string): void {
    const queue = this.#queues.get(session);
    if (!queue || queue.running) return;
    const next = queue.waiting.shift();
    if (!next) {
      this.#queues.delete(session);
      return;
    }
    if (!this.#accepting) {
      next.resolve();
      return;
    }
    // claimed only now, not when queued: a crash before this point leaves it pending, to run later;
    // a re-attached run's entry was claimed by the generation that started it
    if (next.job.seq !== undefined && !next.job.reattach && !this.journal.claim(next.job.seq)) {
      next.resolve();
      this.#pump(session);
      return;
    }
    const run = this.#start(next.job, next.notice);
    queue.running = run;
    // only the job that is next says so: re-editing every waiting notice on each move would cost
    // O(n²) edits, and platforms rate-limit edits (Telegram: about one per second per chat)
    const upNext = queue.waiting[0];
    if (upNext) void this.#announceQueued(upNext, 1);
    void run.done.finally(() => {
      queue.running = undefined;
      next.resolve();
      this.#pump(session);
    });
  }

  async #announceQueued(w: Waiting, ahead: number): Promise<void> {
    if (w.ahead === ahead) return;
    w.ahead = ahead;
    const view = { engine: w.job.engine, elapsedMs: 0, actions: [], status: 'queued' as const, ahead };
    const msg = this.hub.presenter(w.job.chat).progress(view);
    if (w.notice) await this.hub.tryEdit(w.notice, msg);
    else {
      w.notice = await this.hub.trySend(w.job.chat, {
        ...msg,
        ...(w.job.replyTo ? { replyTo: w.job.replyTo } : {}),
      });
      if (w.notice && w.job.seq !== undefined) this.journal.setNotice(w.job.seq, w.notice);
    }
  }

  #start(job: RunJob, notice: MessageRef | undefined): ActiveRun {
    const controller = new AbortController();
    const startedAt = job.reattach?.startedAt ?? this.clock.now();
    if (job.reattach) this.ledger.reopen(job.reattach.runId);
    const id =
      job.reattach?.runId ??
      this.ledger.open({
        ...(job.seq === undefined ? {} : { seq: job.seq }),
        session: job.session,
        chat: job.chat,
        engine: job.engine,
        prompt: job.prompt,
        cwd: job.cwd,
        ...(job.replyTo ? { replyTo: job.replyTo } : {}),
        ...(job.source ? { source: job.source } : {}),
        ...(job.resumeAttempts ? { resumeAttempts: job.resumeAttempts } : {}),
      });
    const run: ActiveRun = {
      id,
      job,
      controller,
      startedAt,
      lastOutputAt: startedAt,
      done: Promise.resolve(),
    };
    const done = executeRun(this.#deps, run, notice).catch((err: unknown) =>
      this.log.error({ err, runId: id }, 'run failed'),
    );
    Object.assign(run, { done });
    this.#active.set(id, run);
    void done.finally(() => this.#active.delete(id));
    return run;
  }
}
