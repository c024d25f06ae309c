import { inject, injectable } from 'tsyringe';
import { formatChatAddress } from '../api/chat-address.js';
import type { EngineEvent } from '../api/engine.js';
import type { DrainReport, DrainRequest, InterruptedWork } from '../api/lifecycle.js';
import type { MessageRef } from '../api/messages.js';
import type { FinalView } from '../api/presenter.js';
import type { Clock } from '../clock/clock.js';
import { RunCancelledError, RunInterruptedError } from '../errors/codes.js';
import type { IngressJournal } from '../ingress/ingress-journal.js';
import type { Logger } from '../logging/logger.js';
import { CLOCK, ENGINE_SOURCE, INGRESS_JOURNAL, LOGGER, TRANSPORT_HUB } from '../tokens.js';
import type { TransportHub } from '../transports/transport-hub.js';
import { guardEngineEvents } from './contract-guard.js';
import { CostLedger } from './cost-ledger.js';
import type { EngineSource } from './engine-source.js';
import { formatDuration } from './format-duration.js';
import { Outbox } from './outbox.js';
import { sendOutboxFiles } from './outbox-files.js';
import { ProgressReporter } from './progress-reporter.js';
import type { ActiveRunInfo, RunJob } from './run-job.js';
import { RunLedger } from './run-ledger.js';
import { SessionStore } from './session-store.js';

interface ActiveRun {
  readonly id: number;
  readonly job: RunJob;
  readonly controller: AbortController;
  readonly startedAt: number;
  lastOutputAt: number;
  progress?: MessageRef;
  reporter?: ProgressReporter;
  readonly done: Promise<void>;
}

export interface DrainOptions {
  /** Sessions whose runs are not waited for (the chat that asked for the restart). */
  readonly exempt?: ReadonlySet<string>;
  /** A run silent this long counts as stuck and is interrupted before the deadline. */
  readonly stuckAfterMs?: number;
}

/** The drain re-checks liveness at least this often. */
const MAX_DRAIN_STEP_MS = 5_000;

interface Waiting {
  readonly job: RunJob;
  notice?: MessageRef;
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
    @inject(Outbox) private readonly outbox: Outbox,
    @inject(CostLedger) private readonly costs: CostLedger,
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
    const exempt = options.exempt ?? new Set<string>();
    const stuckAfterMs = options.stuckAfterMs ?? Number.POSITIVE_INFINITY;
    this.stopAccepting();
    const asked = [...this.#active.values()].filter((r) => exempt.has(r.job.session));
    for (const run of asked) run.controller.abort(new RunInterruptedError('restart requested from this run'));
    const waited = [...this.#active.values()].filter((r) => !exempt.has(r.job.session));
    const stuck: ActiveRun[] = [];
    const timer = new AbortController();
    const onForce = () => timer.abort();
    req.signal.addEventListener('abort', onForce, { once: true });
    try {
      const allDone = Promise.allSettled(waited.map((r) => r.done));
      for (;;) {
        const now = this.clock.now();
        for (const run of this.#active.values()) {
          if (!asked.includes(run) && !stuck.includes(run) && now - run.lastOutputAt >= stuckAfterMs) {
            stuck.push(run);
            run.controller.abort(
              new RunInterruptedError(`stuck: no output for ${formatDuration(now - run.lastOutputAt)}`),
            );
          }
        }
        const left = req.deadline - now;
        if (left <= 0 || timer.signal.aborted || this.#active.size === 0) break;
        // wake at the deadline, or when the next run would count as stuck, or when all are done
        const nextStuck = Math.min(
          ...[...this.#active.values()].map((r) => r.lastOutputAt + stuckAfterMs - now),
        );
        const done = await Promise.race([
          allDone.then(() => true),
          this.clock.sleep(Math.max(1, Math.min(left, nextStuck, MAX_DRAIN_STEP_MS)), timer.signal).then(
            () => false,
            () => false,
          ),
        ]);
        if (done) break;
      }
    } finally {
      timer.abort();
      req.signal.removeEventListener('abort', onForce);
    }
    const late = [...this.#active.values()].filter((r) => !asked.includes(r) && !stuck.includes(r));
    for (const run of late)
      run.controller.abort(new RunInterruptedError(`interrupted by restart (${req.reason})`));
    const left = [...asked, ...stuck, ...late];
    await Promise.allSettled(left.map((r) => r.done));
    const interrupted: InterruptedWork[] = left.map((r) => ({
      owner: 'runs',
      description: `${r.job.engine} run in ${formatChatAddress(r.job.chat)}`,
      data: { runId: r.id, session: r.job.session },
    }));
    return { waited: waited.length, interrupted };
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
    for (const [i, w] of queue.waiting.entries()) void this.#announceQueued(w, i + 1);
    void run.done.finally(() => {
      queue.running = undefined;
      next.resolve();
      this.#pump(session);
    });
  }

  async #announceQueued(w: Waiting, ahead: number): Promise<void> {
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
      );
      run.reporter.start();
    }

    let final: Extract<EngineEvent, { type: 'completed' }> | undefined;
    let model: string | undefined;
    let resumeLine: string | undefined;
    try {
      const runner = await this.engines.runner(job.engine);
      const resume = job.resume ?? this.sessions.resumeToken(job.session, job.engine);
      const events = runner.run(
        {
          prompt: job.prompt,
          cwd: job.cwd,
          session: job.session,
          chat: job.chat,
          ...(resume ? { resume } : {}),
        },
        controller.signal,
      );
      for await (const ev of guardEngineEvents(job.engine, events, (err) =>
        this.log.warn({ err }, err.message),
      )) {
        run.lastOutputAt = this.clock.now();
        if (ev.type === 'started') {
          model = typeof ev.meta?.model === 'string' ? ev.meta.model : undefined;
          // an engine that died before naming its session reports '': keep the token we had
          if (ev.resume) {
            this.sessions.setResumeToken(job.session, job.engine, ev.resume);
            this.ledger.update(run.id, { resume: ev.resume });
          }
          run.reporter?.setModel(model);
        } else if (ev.type === 'action') {
          run.reporter?.action(ev.action, ev.phase, ev.ok);
          if (ev.phase === 'completed') this.ledger.update(run.id, { steps: run.reporter?.steps ?? 0 });
        } else {
          final = ev;
          if (ev.resume) this.sessions.setResumeToken(job.session, job.engine, ev.resume);
        }
        const token = this.sessions.resumeToken(job.session, job.engine);
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
    await run.reporter?.stop();
    if (final?.usage) this.costs.add(job.engine, final.usage);

    const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
    if (reason instanceof RunInterruptedError) {
      // the journal entry stays `running`: the next generation reports it and offers /continue
      this.ledger.close(run.id, 'interrupted');
      return;
    }
    const cancelled = reason instanceof RunCancelledError;
    const view: FinalView = {
      engine: job.engine,
      ...(model ? { model } : {}),
      ok: !cancelled && (final?.ok ?? false),
      answer: cancelled ? '' : (final?.answer ?? ''),
      ...(cancelled ? { error: 'cancelled' } : final?.error ? { error: final.error } : {}),
      durationMs: this.clock.now() - run.startedAt,
      steps: run.reporter?.steps ?? 0,
      ...(final?.usage ? { usage: final.usage } : {}),
      ...(job.source ? { source: job.source } : {}),
      ...(resumeLine ? { resumeLine } : {}),
    };
    await this.#deliver(run, view);
  }

  /** Records the answer, sends it as a reply, confirms it, then shrinks the progress message. */
  async #deliver(run: ActiveRun, view: FinalView): Promise<void> {
    const { job } = run;
    const presenter = this.hub.presenter(job.chat);
    const parts = presenter.answer(view, this.hub.capabilities(job.chat).maxTextLength);
    const items = this.outbox.record(
      job.seq,
      job.chat,
      parts.map((p) => p.text),
      job.replyTo,
      run.id,
    );
    // this run owns its answer until it is sent or has failed: the retry loop keeps off
    for (const item of items) this.outbox.begin(item);
    try {
      for (const item of items) {
        await this.hub.send(job.chat, { text: item.text, ...(job.replyTo ? { replyTo: job.replyTo } : {}) });
        this.outbox.confirm(item);
      }
    } catch (err) {
      // left pending: the outbox sender retries it with backoff
      this.log.error({ err, chat: job.chat }, 'could not deliver an answer; it stays in the outbox');
      return;
    } finally {
      for (const item of items) this.outbox.end(item);
    }
    if (run.progress) {
      const caps = this.hub.capabilities(job.chat);
      if (caps.edit) await this.hub.tryEdit(run.progress, presenter.summary(view));
    }
    try {
      await sendOutboxFiles(this.hub.get(job.chat.transport), job.cwd, job.chat, job.replyTo);
    } catch (err) {
      this.log.warn({ err, cwd: job.cwd }, 'could not send the files the engine left in its outbox');
    }
  }
}
