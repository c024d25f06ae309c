import type { ChatAddress } from '../api/chat-address.js';
import type { EngineAnswer } from '../api/command.js';
import type { MessageRef } from '../api/messages.js';

/** One unit of work for an engine, from a chat message, a trigger or a resumption. */
export interface RunJob {
  /** Journal entry this job answers; absent for triggers and resumptions. */
  readonly seq?: number;
  readonly chat: ChatAddress;
  readonly session: string;
  readonly prompt: string;
  readonly engine: string;
  readonly cwd: string;
  readonly replyTo?: MessageRef;
  /** `cron:<id>`, `webhook:<id>`, `resume`: shown in the footer. */
  readonly source?: string;
  /** Explicit resume token (`/continue`); otherwise the session's stored one is used. */
  readonly resume?: string;
  readonly resumeAttempts?: number;
  /** A "queued" notice already sent for this job (by an earlier generation): edited, not sent again. */
  readonly notice?: MessageRef;
  /** Run outside the session's conversation: its resume token is neither used nor stored. */
  readonly fresh?: boolean;
  /** A command's captured run: the answer goes here instead of to the chat. */
  readonly capture?: (answer: EngineAnswer) => void;
  /**
   * Carry on with run `runId`, whose engine a previous generation started under live restore:
   * same ledger row, same start time, the same request; its journal entry is already claimed.
   */
  readonly reattach?: { readonly runId: number; readonly startedAt: number; readonly resume?: string };
}

export interface ActiveRunInfo {
  readonly id: number;
  readonly session: string;
  readonly engine: string;
  readonly chat: ChatAddress;
  readonly startedAt: number;
  readonly lastOutputAt: number;
  readonly steps: number;
  /** Set when the engine runs under a live-restore shim. */
  readonly detached?: { readonly shimPid?: number; readonly enginePid?: number };
}
