import { inject, injectable } from 'tsyringe';
import { type ChatAddress, formatChatAddress } from '../api/chat-address.js';
import type { EngineEvent } from '../api/engine.js';
import type { DrainReport, DrainRequest } from '../api/lifecycle.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import { RunCancelledError, RunInterruptedError } from '../errors/codes.js';
import type { IngressJournal } from '../ingress/ingress-journal.js';
import type { Logger } from '../logging/logger.js';
import { CLOCK, ENGINE_SOURCE, INGRESS_JOURNAL, LOGGER, TRANSPORT_HUB } from '../tokens.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { ActiveRun } from './active-run.js';
import { AnswerDelivery } from './answer-delivery.js';
import { ApprovalBroker } from './approval-broker.js';
import { capturedAnswer } from './captured-answer.js';
import { guardEngineEvents } from './contract-guard.js';
import { CostLedger } from './cost-ledger.js';
import { type DrainOptions, drainRuns } from './drain-runs.js';
import type { EngineSource } from './engine-source.js';
import { finalView } from './final-view.js';
import { ProgressReporter } from './progress-reporter.js';
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
  ) {}

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
    }));
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
    return drainRuns(() => this.#active.values(), this.clock, req, options);
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
    // claimed only now, not when queued: a crash before this point leaves it pending, to run later
    if (next.job.seq !== undefined && !this.journal.claim(next.job.seq)) {
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
    const startedAt = this.clock.now();
    const id = this.ledger.open({
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
    const done = this.#execute(run, notice).catch((err: unknown) =>
      this.log.error({ err, runId: id }, 'run failed'),
    );
    Object.assign(run, { done });
    this.#active.set(id, run);
    void done.finally(() => this.#active.delete(id));
    return run;
  }

  async #execute(run: ActiveRun, notice: MessageRef | undefined): Promise<void> {
    const { job, controller } = run;
    const presenter = this.hub.presenter(job.chat);
    const cancelData = this.hub.capabilities(job.chat).buttons ? `cancel:${run.id}` : undefined;
    const first = presenter.progress({
      engine: job.engine,
      elapsedMs: 0,
      actions: [],
      status: 'running',
      ...(cancelData ? { cancelData } : {}),
      ...(job.source ? { source: job.source } : {}),
    });
    run.progress =
      notice && (await this.hub.tryEdit(notice, first))
        ? notice
        : await this.hub.trySend(job.chat, { ...first, ...(job.replyTo ? { replyTo: job.replyTo } : {}) });
    if (run.progress) {
      this.ledger.update(run.id, { progress: run.progress });
      run.reporter = new ProgressReporter(
        this.hub,
        this.clock,
        run.progress,
        job.engine,
        run.startedAt,
        cancelData,
        job.source,
      );
      run.reporter.start();
    }

    let final: Extract<EngineEvent, { type: 'completed' }> | undefined;
    let model: string | undefined;
    let resumeLine: string | undefined;
    // a fresh run keeps its token to itself: the chat's conversation is left as it was
    let token = job.resume ?? (job.fresh ? undefined : this.sessions.resumeToken(job.session, job.engine));
    try {
      const runner = await this.engines.runner(job.engine);
      const resume = token;
      const events = runner.run(
        {
          prompt: job.prompt,
          cwd: job.cwd,
          session: job.session,
          chat: job.chat,
          ...(resume ? { resume } : {}),
          approvals: this.approvals.open(run.id, job.engine, job.chat),
        },
        controller.signal,
      );
      // on /cancel or a restart a runner awaiting an answer must wake up (with a deny) to stop
      controller.signal.addEventListener('abort', () => void this.approvals.close(run.id), { once: true });
      for await (const ev of guardEngineEvents(job.engine, events, (err) =>
        this.log.warn({ err }, err.message),
      )) {
        run.lastOutputAt = this.clock.now();
        if (ev.type === 'started') {
          model = typeof ev.meta?.model === 'string' ? ev.meta.model : undefined;
          // an engine that died before naming its session reports '': keep the token we had
          if (ev.resume) {
            token = ev.resume;
            if (!job.fresh) this.sessions.setResumeToken(job.session, job.engine, ev.resume);
            this.ledger.update(run.id, { resume: ev.resume });
          }
          run.reporter?.setModel(model);
        } else if (ev.type === 'action') {
          run.reporter?.action(ev.action, ev.phase, ev.ok);
          if (ev.phase === 'completed') this.ledger.update(run.id, { steps: run.reporter?.steps ?? 0 });
        } else if (ev.type === 'approval') {
          // not awaited: the runner must keep reading its engine while the user decides
          void this.approvals.show(run.id, ev.request);
        } else {
          final = ev;
          if (ev.resume) {
            token = ev.resume;
            if (!job.fresh) this.sessions.setResumeToken(job.session, job.engine, ev.resume);
          }
        }
        if (token) resumeLine = runner.resume.format(token);
      }
    } catch (err) {
      if (!controller.signal.aborted) {
        final = {
          type: 'completed',
          ok: false,
          answer: '',
          error: err instanceof Error ? err.message : String(err),
        };
      }
    }
    await this.approvals.close(run.id);
    await run.reporter?.stop();
    if (final?.usage) this.costs.add(job.engine, final.usage, job.chat);

    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    if (reason instanceof RunInterruptedError) {
      // the journal entry stays `running`: the next generation reports it and offers /continue
      this.ledger.close(run.id, 'interrupted');
      return;
    }
    const view = finalView(job, final, {
      cancelled: reason instanceof RunCancelledError,
      model,
      resumeLine,
      durationMs: this.clock.now() - run.startedAt,
      steps: run.reporter?.steps ?? 0,
    });
    if (job.capture) {
      // a command asked for the answer: it decides what the chat sees; the progress still shrinks
      this.ledger.close(run.id, 'finished');
      job.capture(capturedAnswer(view, token));
      if (run.progress && this.hub.capabilities(job.chat).edit)
        await this.hub.tryEdit(run.progress, this.hub.presenter(job.chat).summary(view));
      return;
    }
    await this.delivery.deliver(run, view);
  }
}
