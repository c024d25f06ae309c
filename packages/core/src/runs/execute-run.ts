import type { EngineEvent, RunRequest } from '../api/engine.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import { RunCancelledError, RunDetachedError, RunInterruptedError } from '../errors/codes.js';
import type { Logger } from '../logging/logger.js';
import type { TransportHub } from '../transports/transport-hub.js';
import type { ActiveRun } from './active-run.js';
import type { AnswerDelivery } from './answer-delivery.js';
import type { ApprovalBroker } from './approval-broker.js';
import { capturedAnswer } from './captured-answer.js';
import { guardEngineEvents } from './contract-guard.js';
import type { CostLedger } from './cost-ledger.js';
import type { EngineSource } from './engine-source.js';
import { finalView } from './final-view.js';
import type { LiveRuns } from './live-runs.js';
import { ProgressReporter } from './progress-reporter.js';
import type { RunLedger } from './run-ledger.js';
import type { SessionStore } from './session-store.js';

export interface ExecuteDeps {
  readonly clock: Clock;
  readonly log: Logger;
  readonly hub: TransportHub;
  readonly engines: EngineSource;
  readonly sessions: SessionStore;
  readonly ledger: RunLedger;
  readonly delivery: AnswerDelivery;
  readonly costs: CostLedger;
  readonly approvals: ApprovalBroker;
  readonly live: LiveRuns;
}

/**
 * One run from start to outcome: the progress message (a fresh one, or the queued notice or
 * the previous generation's message edited), the engine's events, and the answer through the
 * outbox. A run handed over to the next generation (live restore) ends here without an outcome.
 */
export async function executeRun(
  d: ExecuteDeps,
  run: ActiveRun,
  notice: MessageRef | undefined,
): Promise<void> {
  const { job, controller } = run;
  const { hub, clock } = d;
  const presenter = hub.presenter(job.chat);
  const cancelData = hub.capabilities(job.chat).buttons ? `cancel:${run.id}` : undefined;
  const first = presenter.progress({
    engine: job.engine,
    elapsedMs: clock.now() - run.startedAt,
    actions: [],
    status: 'running',
    ...(cancelData ? { cancelData } : {}),
    ...(job.source ? { source: job.source } : {}),
  });
  run.progress =
    notice && (await hub.tryEdit(notice, first))
      ? notice
      : await hub.trySend(job.chat, { ...first, ...(job.replyTo ? { replyTo: job.replyTo } : {}) });
  if (run.progress) {
    d.ledger.update(run.id, { progress: run.progress });
    run.reporter = new ProgressReporter(
      hub,
      clock,
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
  // a re-attached run repeats its original request; a fresh run keeps its token to itself
  let token = job.reattach
    ? job.reattach.resume
    : (job.resume ?? (job.fresh ? undefined : d.sessions.resumeToken(job.session, job.engine)));
  try {
    const runner = await d.engines.runner(job.engine);
    const resume = token;
    run.live = job.reattach ? d.live.reattach(run.id) : d.live.offer(run.id, resume ? { resume } : {});
    const request: RunRequest = {
      prompt: job.prompt,
      cwd: job.cwd,
      session: job.session,
      chat: job.chat,
      ...(resume ? { resume } : {}),
      ...d.approvals.open(run.id, job.engine, job.chat),
      ...(run.live ? { detached: run.live } : {}),
    };
    const events = runner.run(request, controller.signal);
    // on /cancel or a drain a runner awaiting an answer must wake up (with a deny) to stop; a
    // handed-over run keeps its questions for the next generation to ask again
    controller.signal.addEventListener(
      'abort',
      () => {
        if (controller.signal.reason instanceof RunDetachedError) void d.approvals.park(run.id);
        else void d.approvals.close(run.id);
      },
      { once: true },
    );
    for await (const ev of guardEngineEvents(job.engine, events, (err) => d.log.warn({ err }, err.message))) {
      run.lastOutputAt = clock.now();
      if (ev.type === 'started') {
        model = typeof ev.meta?.model === 'string' ? ev.meta.model : undefined;
        // an engine that died before naming its session reports '': keep the token we had
        if (ev.resume) {
          token = ev.resume;
          if (!job.fresh) d.sessions.setResumeToken(job.session, job.engine, ev.resume);
          d.ledger.update(run.id, { resume: ev.resume });
        }
        run.reporter?.setModel(model);
      } else if (ev.type === 'action') {
        run.reporter?.action(ev.action, ev.phase, ev.ok);
        if (ev.phase === 'completed') d.ledger.update(run.id, { steps: run.reporter?.steps ?? 0 });
      } else if (ev.type === 'approval') {
        // not awaited: the runner must keep reading its engine while the user decides
        void d.approvals.show(run.id, ev.request);
      } else {
        final = ev;
        if (ev.resume) {
          token = ev.resume;
          if (!job.fresh) d.sessions.setResumeToken(job.session, job.engine, ev.resume);
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
  const reason: unknown = controller.signal.aborted ? controller.signal.reason : undefined;
  await run.reporter?.stop();
  if (reason instanceof RunDetachedError) {
    // the engine runs on under its shim; the next generation re-attaches and answers
    d.ledger.close(run.id, 'detached');
    return;
  }
  await d.approvals.close(run.id);
  if (final?.usage) d.costs.add(job.engine, final.usage, job.chat);

  if (reason instanceof RunInterruptedError) {
    // the journal entry stays `running`: the next generation reports it and offers /continue
    d.ledger.close(run.id, 'interrupted');
    d.live.remove(run.id);
    return;
  }
  const view = finalView(job, final, {
    cancelled: reason instanceof RunCancelledError,
    model,
    resumeLine,
    durationMs: clock.now() - run.startedAt,
    steps: run.reporter?.steps ?? 0,
  });
  if (job.capture) {
    // a command asked for the answer: it decides what the chat sees; the progress still shrinks
    d.ledger.close(run.id, 'finished');
    d.live.remove(run.id);
    job.capture(capturedAnswer(view, token));
    if (run.progress && hub.capabilities(job.chat).edit)
      await hub.tryEdit(run.progress, hub.presenter(job.chat).summary(view));
    return;
  }
  await d.delivery.deliver(run, view);
  // the answer is recorded (the ledger row with it): the engine's log is no longer needed
  d.live.remove(run.id);
}
