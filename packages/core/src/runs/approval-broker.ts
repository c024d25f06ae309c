import { inject, injectable } from 'tsyringe';
import type { ApprovalAnswer, ApprovalChannel, ApprovalMode, ApprovalRequest } from '../api/approval.js';
import { type ChatAddress, sessionKeyOf } from '../api/chat-address.js';
import type { MessageRef, OutgoingMessage, Sender } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { ApprovalsConfig } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { CLOCK, LOGGER, TRANSPORT_HUB } from '../tokens.js';
import type { TransportHub } from '../transports/transport-hub.js';
import {
  ALWAYS_OPTION,
  approvalMessage,
  approvalOutcome,
  parseApprovalButtonData,
  questionMessage,
} from './approval-message.js';
import { ApprovalModes } from './approval-modes.js';
import { autoAllowReason } from './approval-policy.js';
import { ApprovalStore } from './approval-store.js';
import { type FlowStep, QuestionFlow } from './question-flow.js';

/** Internal: a reader of the live `[approvals]` table (hot: read for every request). */
export const APPROVALS_CONFIG = Symbol.for('ferry.approvalsConfig');
export type ApprovalsConfigReader = () => ApprovalsConfig;

interface Pending {
  readonly request: ApprovalRequest;
  readonly timer: AbortController;
  /** The answers collected so far, for a question request. */
  readonly flow?: QuestionFlow;
  readonly offerAlways: boolean;
  message?: MessageRef;
  /** Set once settled: what the message is edited to. */
  outcome?: string;
}

interface RunApprovals {
  readonly engine: string;
  readonly chat: ChatAddress;
  readonly session: string;
  readonly pending: Map<number, Pending>;
  /** One settler per engine request id, made by whichever comes first: `show` or `wait`. */
  readonly answers: Map<string, { promise: Promise<ApprovalAnswer>; resolve: (a: ApprovalAnswer) => void }>;
  next: number;
  /** `plan` mode: the plan was approved, so the rest of this run asks nothing. */
  planApproved: boolean;
}

/**
 * Asks the chat of a run when its engine waits for the user: one message with a button per
 * option, the press routed back to the engine, the message edited to the outcome. What the
 * chat's mode or an "always allow" lets through is answered without asking. Unanswered
 * requests are denied after `[approvals] timeout_s`, and all are denied when the run ends.
 */
@injectable()
export class ApprovalBroker {
  readonly #runs = new Map<number, RunApprovals>();

  constructor(
    @inject(CLOCK) private readonly clock: Clock,
    @inject(LOGGER) private readonly log: Logger,
    @inject(TRANSPORT_HUB) private readonly hub: TransportHub,
    @inject(APPROVALS_CONFIG) private readonly config: ApprovalsConfigReader,
    @inject(ApprovalModes) private readonly modes: ApprovalModes,
    @inject(ApprovalStore) private readonly store: ApprovalStore,
  ) {}

  /** What a run's `RunRequest` gets: the channel, and the chat's mode as the run starts. */
  open(
    runId: number,
    engine: string,
    chat: ChatAddress,
  ): { approvals: ApprovalChannel; approvalMode?: ApprovalMode } {
    const run: RunApprovals = {
      engine,
      chat,
      session: sessionKeyOf(chat),
      pending: new Map(),
      answers: new Map(),
      next: 0,
      planApproved: false,
    };
    this.#runs.set(runId, run);
    const mode = this.modes.effective(chat).mode;
    return {
      approvals: { wait: (requestId) => this.#answer(run, requestId).promise },
      ...(mode ? { approvalMode: mode } : {}),
    };
  }

  /** Shows a request the engine yielded; the answer reaches the runner through `wait`. */
  async show(runId: number, request: ApprovalRequest): Promise<void> {
    const run = this.#runs.get(runId);
    if (!run) return;
    const settler = this.#answer(run, request.id);
    const auto = this.#autoReason(run, request);
    if (auto) {
      this.log.debug({ runId, tool: request.tool, reason: auto }, 'approval answered by policy');
      settler.resolve({ decision: 'allow' });
      return;
    }
    // sent even where `capabilities.buttons` is false: the console shows buttons as typeable
    // hints; a chat that shows neither still gets the text, and the timeout denies
    const n = ++run.next;
    const timeoutS = this.config().timeout_s;
    const pending: Pending = {
      request,
      timer: new AbortController(),
      ...(request.kind === 'question' ? { flow: new QuestionFlow(request) } : {}),
      offerAlways: request.kind === 'tool' && !!request.tool && request.category !== 'plan',
    };
    run.pending.set(n, pending);
    // the deadline counts from the request, not from when a slow platform took the message
    void this.clock
      .sleep(timeoutS * 1000, pending.timer.signal)
      .then(() =>
        this.#settle(runId, n, `✗ denied — no answer within ${timeoutS} s`, {
          decision: 'deny',
          message: `The user did not answer this request within ${timeoutS} s, so it was denied. Do not retry it; continue without it or ask the user.`,
        }),
      )
      .catch(() => undefined);
    pending.message = await this.hub.trySend(run.chat, this.#render(run, runId, n, pending));
    // settled while the message was on its way (timeout, run ended): show the outcome now
    if (pending.message && pending.outcome)
      await this.hub.tryEdit(pending.message, approvalOutcome(run.engine, request, pending.outcome));
  }

  /**
   * A press on an approval button (`approve:<runId>:<n>:<optionId>`). Only the run's own chat
   * may answer; a press on anything no longer pending is told so, never silently dropped.
   */
  async press(data: string, chat: ChatAddress, who: Sender | string): Promise<void> {
    const sender = typeof who === 'string' ? { id: who, name: who } : who;
    const parsed = parseApprovalButtonData(data);
    const run = parsed ? this.#runs.get(parsed.runId) : undefined;
    const pending = parsed ? run?.pending.get(parsed.n) : undefined;
    if (!parsed || !run || !pending) {
      await this.hub.trySend(chat, { text: '⏹ This request was already handled (or its run has ended).' });
      return;
    }
    if (run.chat.transport !== chat.transport || run.chat.chat !== chat.chat) {
      this.log.warn({ runId: parsed.runId, chat }, 'an approval press from another chat was ignored');
      return;
    }
    const by = sender.name ?? sender.id;
    const { runId, n, optionId } = parsed;
    if (pending.flow) {
      await this.#step(runId, n, run, pending, pending.flow.press(optionId, { id: sender.id, name: by }), by);
      return;
    }
    const { request } = pending;
    if (optionId === ALWAYS_OPTION && pending.offerAlways && request.tool) {
      this.store.allow(run.session, request.tool, by);
      await this.#settle(runId, n, `✓ always allowed ${request.tool} in this session by ${by}`, {
        decision: 'allow',
        optionId,
        by,
      });
      await this.#sweep();
      return;
    }
    const option = request.options.find((o) => o.id === optionId);
    if (!option) {
      await this.hub.trySend(chat, { text: '⚠️ This button is not one of the request’s options.' });
      return;
    }
    const deny = option.id === 'deny';
    const approvesPlan =
      !deny && request.category === 'plan' && this.modes.effective(run.chat).mode === 'plan';
    if (approvesPlan) run.planApproved = true;
    const outcome = deny
      ? `✗ denied by ${by}`
      : approvesPlan
        ? `✓ plan approved by ${by} — no more approvals in this run`
        : `✓ allowed by ${by}`;
    await this.#settle(runId, n, outcome, {
      decision: deny ? 'deny' : 'allow',
      optionId: option.id,
      by,
      ...(deny ? { message: `${by} denied this in chat.` } : {}),
    });
    if (approvesPlan) await this.#sweep();
  }

  /**
   * A plain message in `chat`: when its sender pressed "Answer in text" on a question still
   * open there, the returned function answers it with the message (and the message starts no
   * run). Decided synchronously, so the caller can claim the message in the same tick.
   */
  textAnswer(chat: ChatAddress, sender: Sender): ((text: string) => Promise<void>) | undefined {
    const session = sessionKeyOf(chat);
    for (const [runId, run] of this.#runs) {
      if (run.session !== session) continue;
      for (const [n, pending] of run.pending) {
        const flow = pending.flow;
        if (flow?.textBy?.id !== sender.id) continue;
        return (text) => this.#step(runId, n, run, pending, flow.text(text), sender.name ?? sender.id);
      }
    }
    return undefined;
  }

  /** The run ended: whatever it still waited for is denied, and its messages say so. */
  async close(runId: number): Promise<void> {
    const run = this.#runs.get(runId);
    if (!run) return;
    for (const n of [...run.pending.keys()])
      await this.#settle(runId, n, '✗ not answered — the run ended', {
        decision: 'deny',
        message: 'The run ended before the user answered.',
      });
    this.#runs.delete(runId);
  }

  /** True while the run waits on a person: a drain does not wait for it (it cannot finish alone). */
  hasPending(runId: number): boolean {
    return (this.#runs.get(runId)?.pending.size ?? 0) > 0;
  }

  /**
   * The run was handed over to the next generation (live restore): nothing is answered, since
   * its engine still waits; each open request says it will be asked again, and the next
   * generation asks it again when it re-reads the engine's output.
   */
  async park(runId: number): Promise<void> {
    const run = this.#runs.get(runId);
    if (!run) return;
    this.#runs.delete(runId);
    for (const pending of run.pending.values()) {
      pending.timer.abort();
      if (pending.message)
        await this.hub.tryEdit(
          pending.message,
          approvalOutcome(run.engine, pending.request, '⏸ Ferry restarted — this is asked again below'),
        );
    }
  }

  #autoReason(run: RunApprovals, request: ApprovalRequest): string | undefined {
    return autoAllowReason(request, {
      ...this.modes.effective(run.chat),
      planApproved: run.planApproved,
      alwaysAllowed: request.tool !== undefined && this.store.isAllowed(run.session, request.tool),
    });
  }

  /** A question moved on: show the next question, or hand all answers to the engine. */
  async #step(runId: number, n: number, run: RunApprovals, pending: Pending, step: FlowStep, by: string) {
    const flow = pending.flow!;
    if (step === 'finished') {
      await this.#settle(runId, n, flow.summary(by), {
        decision: 'allow',
        ...(flow.firstOptionId ? { optionId: flow.firstOptionId } : {}),
        by,
        answers: { ...flow.answers },
      });
    } else if (step === 'stale') {
      await this.hub.trySend(run.chat, { text: '⏹ That question was already answered.' });
    } else if (step === 'empty') {
      await this.hub.trySend(run.chat, { text: 'Choose at least one option, then press Done.' });
    } else if (pending.message) {
      await this.hub.tryEdit(pending.message, this.#render(run, runId, n, pending));
    }
  }

  /** After an "always allow" or a plan approval: what the new state lets through goes on now. */
  async #sweep(): Promise<void> {
    for (const [runId, run] of this.#runs)
      for (const [n, pending] of run.pending) {
        const reason = this.#autoReason(run, pending.request);
        if (reason) await this.#settle(runId, n, `✓ allowed — ${reason}`, { decision: 'allow' });
      }
  }

  #render(run: RunApprovals, runId: number, n: number, pending: Pending): OutgoingMessage {
    return pending.flow
      ? questionMessage(run.engine, runId, n, pending.request, pending.flow)
      : approvalMessage(run.engine, runId, n, pending.request, pending.offerAlways);
  }

  #answer(run: RunApprovals, requestId: string) {
    let entry = run.answers.get(requestId);
    if (!entry) {
      let resolve!: (a: ApprovalAnswer) => void;
      const promise = new Promise<ApprovalAnswer>((r) => {
        resolve = r;
      });
      entry = { promise, resolve };
      run.answers.set(requestId, entry);
    }
    return entry;
  }

  async #settle(runId: number, n: number, outcome: string, answer: ApprovalAnswer): Promise<void> {
    const run = this.#runs.get(runId);
    const pending = run?.pending.get(n);
    if (!run || !pending) return;
    // removed before any await: a second press while the edit is on its way is "already handled"
    run.pending.delete(n);
    pending.timer.abort();
    pending.outcome = outcome;
    this.#answer(run, pending.request.id).resolve(answer);
    if (pending.message)
      await this.hub.tryEdit(pending.message, approvalOutcome(run.engine, pending.request, outcome));
  }
}
