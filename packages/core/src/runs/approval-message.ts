import type { ApprovalRequest } from '../api/approval.js';
import type { Button, OutgoingMessage } from '../api/messages.js';

/** Callback data of an approval button; the host's short request number keeps it ≤ 64 bytes. */
export function approvalButtonData(runId: number, n: number, optionId: string): string {
  return `approve:${runId}:${n}:${optionId}`;
}

export function parseApprovalButtonData(
  data: string,
): { runId: number; n: number; optionId: string } | undefined {
  const m = /^approve:(\d+):(\d+):(.+)$/.exec(data);
  return m ? { runId: Number(m[1]), n: Number(m[2]), optionId: m[3]! } : undefined;
}

function headline(engine: string, request: ApprovalRequest): string {
  if (request.kind === 'question') return `❓ ${engine} asks: ${request.summary}`;
  return `🔐 ${engine} wants to run ${request.tool ?? 'a tool'}: ${request.summary}`;
}

/** The pending request: what is asked, and one button per option. */
export function approvalMessage(
  engine: string,
  runId: number,
  n: number,
  request: ApprovalRequest,
): OutgoingMessage {
  const text = [headline(engine, request), ...(request.details ? [request.details] : [])].join('\n');
  const buttons: Button[] = request.options.map((o) => ({
    text: o.label,
    data: approvalButtonData(runId, n, o.id),
  }));
  // two short choices (Allow / Deny) fit a row; answers to a question get a row each
  const rows = request.kind === 'tool' ? [buttons] : buttons.map((b) => [b]);
  return { text, buttons: rows };
}

/** The same message once decided: the buttons go, the outcome stays readable in the chat. */
export function approvalOutcome(engine: string, request: ApprovalRequest, outcome: string): OutgoingMessage {
  return { text: `${headline(engine, request)}\n${outcome}` };
}
