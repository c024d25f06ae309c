import type { ApprovalChannel, ApprovalMode, ApprovalRequest } from './approval.js';
import type { ChatAddress } from './chat-address.js';
import type { DetachedRun } from './detached-run.js';

export interface RunRequest {
  /** The text for the engine; the host may prefix notices (backlog delay, interrupted turn). */
  readonly prompt: string;
  /** Working directory of the run (the project's path or the default dir). */
  readonly cwd: string;
  /** Resume token from an earlier run of this session with this engine. */
  readonly resume?: string;
  /** Session key (`transport:chat[:thread]`), for logs and engine-side grouping. */
  readonly session: string;
  readonly chat: ChatAddress;
  /** Present when the host can ask the chat: a runner may then yield `approval` events (API 1.2). */
  readonly approvals?: ApprovalChannel;
  /**
   * The chat's approval mode (API 1.3; docs/approvals.md): how the engine should run — for
   * claude, its `--permission-mode`. The host also auto-answers what the mode allows, so a
   * runner may ask for everything. Absent: no mode is set; the engine's own config decides.
   */
  readonly approvalMode?: ApprovalMode;
  /**
   * Live restore (API 1.3; docs/live-restore.md): pass it to `startEngineProcess({ detach })`
   * and the engine outlives a host restart. Absent when live restore is off or unsupported.
   */
  readonly detached?: DetachedRun;
}

export interface EngineAction {
  /** Stable within a run, so `started` and `completed` phases pair up. */
  readonly id: string;
  readonly kind: 'command' | 'tool' | 'file' | 'web' | 'note' | 'other';
  /** One short line for the progress message, e.g. `$ npm test`. */
  readonly title: string;
  readonly detail?: string;
}

export interface Usage {
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  /** Cost of this run alone (not cumulative over the session), when the engine reports it. */
  readonly costUsd?: number;
}

export type EngineEvent =
  | {
      readonly type: 'started';
      /** Token to pass back as `RunRequest.resume` to continue this conversation. */
      readonly resume: string;
      readonly meta?: { readonly model?: string; readonly [key: string]: unknown };
    }
  | {
      readonly type: 'action';
      readonly action: EngineAction;
      readonly phase: 'started' | 'completed';
      readonly ok?: boolean;
    }
  | {
      /** The engine waits for the user; answered through `RunRequest.approvals` (API 1.2). */
      readonly type: 'approval';
      readonly request: ApprovalRequest;
    }
  | {
      readonly type: 'completed';
      readonly ok: boolean;
      readonly answer: string;
      readonly resume?: string;
      readonly error?: string;
      readonly usage?: Usage;
    };

/** What `ferry doctor` shows for an engine: which binary, which version, and whether it runs. */
export interface EngineHealth {
  readonly ok: boolean;
  readonly binary?: string;
  readonly version?: string;
  /** One line: what works, or what to fix. */
  readonly detail: string;
}

/**
 * One engine's way of running a prompt. Contract (checked by the host): exactly one `started`
 * first, any number of `action`s and `approval`s, exactly one `completed` last. On `signal` abort the runner
 * stops its process (process group SIGTERM, grace, SIGKILL) and ends the iteration.
 */
export interface Runner {
  run(req: RunRequest, signal: AbortSignal): AsyncIterable<EngineEvent>;
  /** Checks the engine can run here (binary found, version readable); used by `ferry doctor`. */
  check?(signal?: AbortSignal): Promise<EngineHealth>;
  /** How a resume token is shown in chat, and found again in a message a user replies to. */
  readonly resume: {
    format(token: string): string;
    extract(text: string): string | undefined;
  };
}
