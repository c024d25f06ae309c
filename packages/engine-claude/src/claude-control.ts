import type { Writable } from 'node:stream';
import type {
  ApprovalAnswer,
  ApprovalChannel,
  ApprovalQuestion,
  ApprovalRequest,
  EngineEvent,
  Logger,
} from '@ferry/core';
import { approvalPreview } from './claude-approval-details.js';
import { claudeToolAction } from './claude-tool-action.js';
import { claudeToolCategory } from './claude-tool-category.js';

interface CanUseTool {
  readonly subtype: 'can_use_tool';
  readonly tool_name?: string;
  readonly input?: Record<string, unknown>;
  readonly description?: string;
  readonly tool_use_id?: string;
}

interface Question {
  readonly question?: string;
  readonly header?: string;
  readonly multiSelect?: boolean;
  readonly options?: readonly { readonly label?: string; readonly description?: string }[];
}

function questionsOf(input: Record<string, unknown>): ApprovalQuestion[] {
  const raw = Array.isArray(input.questions) ? (input.questions as Question[]) : [];
  return raw.map((q, qi) => ({
    question: q.question ?? `question ${qi + 1}`,
    ...(q.header ? { header: q.header } : {}),
    ...(q.multiSelect ? { multiSelect: true } : {}),
    options: (q.options ?? []).map((o, i) => ({
      id: `o${i}`,
      label: o.label ?? `option ${i + 1}`,
      ...(o.description ? { description: o.description } : {}),
    })),
  }));
}

/**
 * A `can_use_tool` request as Ferry shows it: AskUserQuestion is a question (all of its
 * questions), ExitPlanMode the plan to approve, the rest a tool call with its category.
 * `seen` is the input of the model's tool_use block: ExitPlanMode's request carries `{}`
 * while the plan's text is only there (fixtures README, control-plan).
 */
export function approvalOf(
  requestId: string,
  req: CanUseTool,
  cwd: string,
  seen: Record<string, unknown> = {},
): ApprovalRequest {
  const input = req.input ?? {};
  if (req.tool_name === 'AskUserQuestion') {
    const questions = questionsOf(input);
    const first = questions[0];
    return {
      id: requestId,
      kind: 'question',
      tool: 'AskUserQuestion',
      summary: first?.question ?? 'a question',
      options: first?.options ?? [],
      questions,
    };
  }
  const tool = req.tool_name ?? 'a tool';
  const category = claudeToolCategory(tool);
  const preview = approvalPreview(tool, { ...seen, ...input });
  if (category === 'plan') {
    return {
      id: requestId,
      kind: 'tool',
      tool,
      category,
      summary: 'approve it, and the run goes on without asking',
      ...(preview ? { details: preview } : {}),
      options: [
        { id: 'allow', label: 'Approve plan' },
        { id: 'deny', label: 'Keep planning' },
      ],
    };
  }
  const action = claudeToolAction(requestId, tool, input, cwd);
  const description = req.description && req.description !== action.title ? req.description : undefined;
  const details = [description, preview].filter(Boolean).join('\n');
  return {
    id: requestId,
    kind: 'tool',
    tool,
    category,
    summary: action.title,
    ...(details ? { details } : {}),
    options: [
      { id: 'allow', label: 'Allow' },
      { id: 'deny', label: 'Deny' },
    ],
  };
}

/**
 * What the CLI expects back: allow runs the request's own input; a question's answers go in
 * `updatedInput.answers` (question → label, labels joined with ", ", or the user's words).
 */
export function permissionResponse(req: CanUseTool, approval: ApprovalRequest, answer: ApprovalAnswer) {
  const input = req.input ?? {};
  if (answer.decision === 'deny')
    return { behavior: 'deny', message: answer.message ?? 'The user denied this in chat.' };
  if (approval.kind === 'question') {
    const label = approval.options.find((o) => o.id === answer.optionId)?.label ?? '';
    const answers = answer.answers ?? { [approval.summary]: label };
    return { behavior: 'allow', updatedInput: { ...input, answers } };
  }
  return { behavior: 'allow', updatedInput: input };
}

/**
 * The stdin side of `--input-format stream-json --permission-prompt-tool stdio`: the user turn,
 * answers to `can_use_tool`, and an error for other requests Ferry does not serve, so the CLI
 * never waits on us for something nobody will answer.
 */
export class ClaudeControl {
  /** The model's tool_use inputs by id, for previews the request itself lacks (ExitPlanMode). */
  readonly #seen = new Map<string, Record<string, unknown>>();

  constructor(
    private readonly stdin: Writable,
    private readonly approvals: ApprovalChannel,
    private readonly cwd: string,
    private readonly log: Logger,
  ) {}

  userTurn(prompt: string): void {
    this.#write({
      type: 'user',
      message: { role: 'user', content: prompt },
      parent_tool_use_id: null,
      session_id: '',
    });
  }

  /** After `result` the CLI exits ~40 ms after stdin closes; it would wait forever otherwise. */
  close(): void {
    if (!this.stdin.writableEnded) this.stdin.end();
  }

  /** A control line from the CLI, as engine events; `undefined` when `line` is not one. */
  handle(line: unknown): EngineEvent[] | undefined {
    const msg = line as { type?: string; request_id?: string; request?: { subtype?: string } };
    if (msg?.type === 'assistant') this.#remember(line);
    if (msg?.type === 'control_response') return []; // answers to our requests: nothing to show
    if (msg?.type !== 'control_request' || typeof msg.request_id !== 'string') return undefined;
    const id = msg.request_id;
    if (msg.request?.subtype !== 'can_use_tool') {
      this.#respond(id, undefined, `Ferry does not handle "${msg.request?.subtype}" requests`);
      return [];
    }
    const req = msg.request as CanUseTool;
    const approval = approvalOf(
      id,
      req,
      this.cwd,
      req.tool_use_id ? this.#seen.get(req.tool_use_id) : undefined,
    );
    void this.approvals
      .wait(id)
      .then((answer) => this.#respond(id, permissionResponse(req, approval, answer)));
    return [{ type: 'approval', request: approval }];
  }

  #remember(line: unknown): void {
    const content = (line as { message?: { content?: unknown } }).message?.content;
    if (!Array.isArray(content)) return;
    // only ExitPlanMode needs it; keeping every input would hold whole files written by Write
    for (const block of content as { type?: string; id?: string; name?: string; input?: unknown }[])
      if (
        block.type === 'tool_use' &&
        block.name === 'ExitPlanMode' &&
        block.id &&
        typeof block.input === 'object'
      )
        this.#seen.set(block.id, block.input as Record<string, unknown>);
  }

  #respond(requestId: string, response: object | undefined, error?: string): void {
    this.#write({
      type: 'control_response',
      response: error
        ? { subtype: 'error', request_id: requestId, error }
        : { subtype: 'success', request_id: requestId, response },
    });
  }

  #write(message: object): void {
    if (this.stdin.writableEnded || this.stdin.destroyed) {
      this.log.debug({ type: (message as { type?: string }).type }, 'claude: stdin closed; not written');
      return;
    }
    this.stdin.write(`${JSON.stringify(message)}\n`);
  }
}
