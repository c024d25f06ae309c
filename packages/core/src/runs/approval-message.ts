import type { ApprovalRequest } from '../api/approval.js';
import type { Button, OutgoingMessage } from '../api/messages.js';
import type { QuestionFlow } from './question-flow.js';

/** Option id of the host's own "Always allow <tool> in this session" button. */
export const ALWAYS_OPTION = 'always';

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

export function alwaysLabel(tool: string): string {
  return `Always allow ${tool} in this session`;
}

function headline(engine: string, request: ApprovalRequest, flow?: QuestionFlow): string {
  if (flow) {
    const of = flow.questions.length > 1 ? ` (${flow.index + 1}/${flow.questions.length})` : '';
    return `❓ ${engine} asks${of}: ${flow.current.question}`;
  }
  if (request.kind === 'question') return `❓ ${engine} asks: ${request.summary}`;
  if (request.category === 'plan') return `📋 ${engine} has a plan: ${request.summary}`;
  return `🔐 ${engine} wants to run ${request.tool ?? 'a tool'}: ${request.summary}`;
}

/** The pending tool request: what is asked, Allow / Deny in a row, "Always allow" under them. */
export function approvalMessage(
  engine: string,
  runId: number,
  n: number,
  request: ApprovalRequest,
  offerAlways: boolean,
): OutgoingMessage {
  const text = [headline(engine, request), ...(request.details ? [request.details] : [])].join('\n');
  const row: Button[] = request.options.map((o) => ({
    text: o.label,
    data: approvalButtonData(runId, n, o.id),
  }));
  const always: Button[] =
    offerAlways && request.tool
      ? [{ text: alwaysLabel(request.tool), data: approvalButtonData(runId, n, ALWAYS_OPTION) }]
      : [];
  return { text, buttons: always.length ? [row, always] : [row] };
}

/**
 * The current question of a question request: answers so far, the question, one button per
 * option (a row each; ☑/☐ toggles and "Done" when several may be chosen), "Answer in text".
 */
export function questionMessage(
  engine: string,
  runId: number,
  n: number,
  request: ApprovalRequest,
  flow: QuestionFlow,
): OutgoingMessage {
  const q = flow.current;
  const described = q.options.filter((o) => o.description).map((o) => `• ${o.label}: ${o.description}`);
  const text = [
    ...flow.answeredLines(),
    headline(engine, request, flow),
    ...described,
    ...(q.multiSelect ? ['(choose one or more, then Done)'] : []),
    ...(flow.textBy ? [`✍️ ${flow.textBy.name}: send your answer as a message in this chat.`] : []),
  ].join('\n');
  const data = (suffix: string) => approvalButtonData(runId, n, `${flow.index}.${suffix}`);
  const options: Button[][] = q.options.map((o, i) => [
    {
      text: q.multiSelect ? `${flow.selected.has(i) ? '☑' : '☐'} ${o.label}` : o.label,
      data: data(String(i)),
    },
  ]);
  const tail: Button[] = [
    ...(q.multiSelect ? [{ text: 'Done', data: data('done') }] : []),
    { text: '✍️ Answer in text', data: data('text') },
  ];
  return { text, buttons: [...options, tail] };
}

/** The same message once decided: the buttons go, the outcome stays readable in the chat. */
export function approvalOutcome(engine: string, request: ApprovalRequest, outcome: string): OutgoingMessage {
  return { text: `${headline(engine, request)}\n${outcome}` };
}
