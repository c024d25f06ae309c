/** One choice on an approval message; `label` is the button text. */
export interface ApprovalOption {
  /** Short and stable: it travels in the button's callback data (≤ 64 bytes in all). */
  readonly id: string;
  readonly label: string;
  /** One line shown under the question (API 1.3). */
  readonly description?: string;
}

/**
 * How much a chat lets its engine do without asking (API 1.3): `ask` asks for every gated
 * call; `edits` lets reads and searches through and asks for file writes, shell and tools it
 * cannot classify; `plan` asks once for the plan, then nothing for the rest of the run;
 * `bypass` asks for nothing.
 */
export type ApprovalMode = 'ask' | 'edits' | 'plan' | 'bypass';

/** What a gated call does, as the runner classifies it; the host's policy decides on it (API 1.3). */
export type ApprovalCategory = 'read' | 'write' | 'shell' | 'plan' | 'other';

/** One question of a `question` request (API 1.3): several may come in one request. */
export interface ApprovalQuestion {
  readonly question: string;
  /** A short tag for the question (claude's `header`). */
  readonly header?: string;
  readonly options: readonly ApprovalOption[];
  /** Several options may be chosen; the answer lists their labels joined with ", ". */
  readonly multiSelect?: boolean;
}

/**
 * An engine asks the user before going on: a tool call that needs permission (`tool`), or a
 * question the agent asks with fixed answers (`question`).
 */
export interface ApprovalRequest {
  /** The engine's id of the request, unique within the run. */
  readonly id: string;
  readonly kind: 'tool' | 'question';
  /** The tool's name, for `tool` requests (`Bash`, `Edit`). */
  readonly tool?: string;
  /** One line: the command, the file, or the question. */
  readonly summary: string;
  readonly details?: string;
  readonly options: readonly ApprovalOption[];
  /** What the call does; absent counts as `other` (API 1.3). */
  readonly category?: ApprovalCategory;
  /**
   * The questions of a `question` request (API 1.3). Absent: one single-choice question,
   * `summary` with `options`.
   */
  readonly questions?: readonly ApprovalQuestion[];
}

/** What the host answers: the user's choice, or a deny when nobody answered in time. */
export interface ApprovalAnswer {
  readonly decision: 'allow' | 'deny';
  /**
   * The chosen option; absent when the host decided on its own (timeout, run ended, or the
   * chat's mode let the call through). `always` when the user allowed the tool for the rest
   * of the session (API 1.3).
   */
  readonly optionId?: string;
  /** For a deny: what the agent is told. */
  readonly message?: string;
  /** Who answered (display name or id). */
  readonly by?: string;
  /**
   * For a question: each question's text → the chosen label, the chosen labels joined with
   * ", " (multi-select), or the user's own words (answered in text) (API 1.3).
   */
  readonly answers?: Readonly<Record<string, string>>;
}

/**
 * Passed as `RunRequest.approvals` when the host can ask the user. After yielding an
 * `approval` event the runner awaits `wait(request.id)`; it resolves exactly once, with the
 * user's answer or a deny (timeout, run ended). A run without it must not ask.
 */
export interface ApprovalChannel {
  wait(requestId: string): Promise<ApprovalAnswer>;
}

/**
 * Callback data of the host's approval buttons starts with this (API 1.3): a transport that
 * knows who is trusted may refuse such a press from anyone else before it is journaled.
 */
export function isApprovalButtonData(data: string): boolean {
  return data.startsWith('approve:');
}
