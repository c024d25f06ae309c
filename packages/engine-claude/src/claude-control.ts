import type { Writable } from 'node:stream';
import type { ApprovalAnswer, ApprovalChannel, ApprovalRequest, EngineEvent, Logger } from '@ferry/core';
import { claudeToolAction } from './claude-tool-action.js';

interface CanUseTool {
  readonly subtype: 'can_use_tool';
  readonly tool_name?: string;
  readonly input?: Record<string, unknown>;
  readonly description?: string;
}

interface Question {
  readonly question?: string;
  readonly options?: readonly { readonly label?: string; readonly description?: string }[];
}

/** A `can_use_tool` request as Ferry shows it: AskUserQuestion is a question, the rest a tool. */
export function approvalOf(requestId: string, req: CanUseTool, cwd: string): ApprovalRequest {
  const input = req.input ?? {};
  if (req.tool_name === 'AskUserQuestion') {
    // only the first question becomes buttons; the docs say so (docs/approvals.md, limits)
    const q = ((input.questions as Question[] | undefined) ?? [])[0] ?? {};
    const options = (q.options ?? []).map((o, i) => ({ id: `o${i}`, label: o.label ?? `option ${i + 1}` }));
    const details = (q.options ?? [])
      .filter((o) => o.description)
      .map((o) => `• ${o.label}: ${o.description}`)
      .join('\n');
    return {
      id: requestId,
      kind: 'question',
      tool: 'AskUserQuestion',
      summary: q.question ?? 'a question',
      ...(details ? { details } : {}),
      options,
    };
  }
  const tool = req.tool_name ?? 'a tool';
  const action = claudeToolAction(requestId, tool, input, cwd);
  return {
    id: requestId,
    kind: 'tool',
    tool,
    summary: action.title,
    ...(req.description && req.description !== action.title ? { details: req.description } : {}),
    options: [
      { id: 'allow', label: 'Allow' },
      { id: 'deny', label: 'Deny' },
    ],
  };
}

/** What the CLI expects back: allow runs the request's own input; deny tells the model why. */
export function permissionResponse(req: CanUseTool, approval: ApprovalRequest, answer: ApprovalAnswer) {
  const input = req.input ?? {};
  if (answer.decision === 'deny')
    return { behavior: 'deny', message: answer.message ?? 'The user denied this in chat.' };
  if (approval.kind === 'question') {
    const label = approval.options.find((o) => o.id === answer.optionId)?.label ?? '';
    return { behavior: 'allow', updatedInput: { ...input, answers: { [approval.summary]: label } } };
  }
  return { behavior: 'allow', updatedInput: input };
}

/**
 * The stdin side of `--input-format stream-json --permission-prompt-tool stdio`: the user turn,
 * answers to `can_use_tool`, and an error for other requests Ferry does not serve, so the CLI
 * never waits on us for something nobody will answer.
 */
export class ClaudeControl {
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
    if (msg?.type === 'control_response') return []; // answers to our requests: nothing to show
    if (msg?.type !== 'control_request' || typeof msg.request_id !== 'string') return undefined;
    const id = msg.request_id;
    if (msg.request?.subtype !== 'can_use_tool') {
      this.#respond(id, undefined, `Ferry does not handle "${msg.request?.subtype}" requests`);
      return [];
    }
    const req = msg.request as CanUseTool;
    const approval = approvalOf(id, req, this.cwd);
    void this.approvals
      .wait(id)
      .then((answer) => this.#respond(id, permissionResponse(req, approval, answer)));
    return [{ type: 'approval', request: approval }];
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
