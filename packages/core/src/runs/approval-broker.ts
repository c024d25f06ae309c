import { inject, injectable } from 'tsyringe';
import type { ApprovalAnswer, ApprovalChannel, ApprovalRequest } from '../api/approval.js';
import type { ChatAddress } from '../api/chat-address.js';
import type { MessageRef } from '../api/messages.js';
import type { Clock } from '../clock/clock.js';
import type { ApprovalsConfig } from '../config/schema.js';
import type { Logger } from '../logging/logger.js';
import { CLOCK, LOGGER, TRANSPORT_HUB } from '../tokens.js';
import type { TransportHub } from '../transports/transport-hub.js';
import { approvalMessage, approvalOutcome, parseApprovalButtonData } from './approval-message.js';

/** Internal: a reader of the live `[approvals]` table (hot: read for every request). */
export const APPROVALS_CONFIG = Symbol.for('ferry.approvalsConfig');
export type ApprovalsConfigReader = () => ApprovalsConfig;

interface Pending {
  readonly request: ApprovalRequest;
  readonly timer: AbortController;
  message?: MessageRef;
  /** Set once settled: what the message is edited to. */
  outcome?: string;
}

interface RunApprovals {
  readonly engine: string;
  readonly chat: ChatAddress;
  readonly pending: Map<number, Pending>;
  /** One settler per engine request id, made by whichever comes first: `show` or `wait`. */
  readonly answers: Map<string, { promise: Promise<ApprovalAnswer>; resolve: (a: ApprovalAnswer) => void }>;
  next: number;
}

/**
 * Asks the chat of a run when its engine waits for the user: one message with a button per
 * option, the press routed back to the engine, the message edited to the outcome. Unanswered
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
  ) {}

  /** The channel handed to the runner as `RunRequest.approvals`. */
  open(runId: number, engine: string, chat: ChatAddress): ApprovalChannel {
    const run: RunApprovals = { engine, chat, pending: new Map(), answers: new Map(), next: 0 };
    this.#runs.set(runId, run);
    return { wait: (requestId) => this.#answer(run, requestId).promise };
  }

  /** Shows a request the engine yielded; the answer reaches the runner through `wait`. */
  async show(runId: number, request: ApprovalRequest): Promise<void> {
    const run = this.#runs.get(runId);
    if (!run) return;
    this.#answer(run, request.id);
    // sent even where `capabilities.buttons` is false: the console shows buttons as typeable
    // hints; a chat that shows neither still gets the text, and the timeout denies
    const n = ++run.next;
    const timeoutS = this.config().timeout_s;
    const pending: Pending = { request, timer: new AbortController() };
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
    pending.message = await this.hub.trySend(run.chat, approvalMessage(run.engine, runId, n, request));
    // settled while the message was on its way (timeout, run ended): show the outcome now
    if (pending.message && pending.outcome)
      await this.hub.tryEdit(pending.message, approvalOutcome(run.engine, request, pending.outcome));
  }

  /**
   * A press on an approval button (`approve:<runId>:<n>:<optionId>`). Only the run's own chat
   * may answer; a press on anything no longer pending is told so, never silently dropped.
   */
  async press(data: string, chat: ChatAddress, by: string): Promise<void> {
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
    const option = pending.request.options.find((o) => o.id === parsed.optionId);
    if (!option) {
      await this.hub.trySend(chat, { text: '⚠️ This button is not one of the request’s options.' });
      return;
    }
    const deny = option.id === 'deny';
    const outcome =
      pending.request.kind === 'question'
        ? `✓ ${option.label} — answered by ${by}`
        : deny
          ? `✗ denied by ${by}`
          : `✓ allowed by ${by}`;
    await this.#settle(parsed.runId, parsed.n, outcome, {
      decision: deny ? 'deny' : 'allow',
      optionId: option.id,
      by,
      ...(deny ? { message: `${by} denied this in chat.` } : {}),
    });
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
