/** One choice on an approval message; `label` is the button text. */
export interface ApprovalOption {
  /** Short and stable: it travels in the button's callback data (≤ 64 bytes in all). */
  readonly id: string;
  readonly label: string;
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
}

/** What the host answers: the user's choice, or a deny when nobody answered in time. */
export interface ApprovalAnswer {
  readonly decision: 'allow' | 'deny';
  /** The chosen option; absent when the host denied on its own (timeout, run ended). */
  readonly optionId?: string;
  /** For a deny: what the agent is told. */
  readonly message?: string;
  /** Who answered (display name or id). */
  readonly by?: string;
}

/**
 * Passed as `RunRequest.approvals` when the host can ask the user. After yielding an
 * `approval` event the runner awaits `wait(request.id)`; it resolves exactly once, with the
 * user's answer or a deny (timeout, run ended). A run without it must not ask.
 */
export interface ApprovalChannel {
  wait(requestId: string): Promise<ApprovalAnswer>;
}
