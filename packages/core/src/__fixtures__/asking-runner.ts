import type { ApprovalAnswer, ApprovalRequest } from '../api/approval.js';
import type { EngineEvent, Runner, RunRequest } from '../api/engine.js';

/**
 * An engine that asks its requests one after another, as a real one would, and answers with
 * what it was told: `Bash:allow Edit:deny …`, with question answers as JSON. It records the
 * mode each run was started with.
 */
export class AskingRunner implements Runner {
  readonly resume = { format: (t: string) => `resume ${t}`, extract: () => undefined };
  readonly modes: (string | undefined)[] = [];
  readonly answers: ApprovalAnswer[] = [];

  constructor(private readonly requests: readonly ApprovalRequest[]) {}

  async *run(req: RunRequest): AsyncIterable<EngineEvent> {
    this.modes.push(req.approvalMode);
    yield { type: 'started', resume: 's1' };
    const told: string[] = [];
    for (const [i, request] of this.requests.entries()) {
      const r = { ...request, id: `${request.id}-${this.modes.length}-${i}` };
      yield { type: 'approval', request: r };
      const a = await req.approvals!.wait(r.id);
      this.answers.push(a);
      told.push(`${request.tool ?? 'q'}:${a.decision}${a.answers ? JSON.stringify(a.answers) : ''}`);
    }
    yield { type: 'completed', ok: true, answer: `engine got ${told.join(' ')}` };
  }
}

export const tool = (
  name: string,
  category: ApprovalRequest['category'],
  summary = `${name} something`,
): ApprovalRequest => ({
  id: name.toLowerCase(),
  kind: 'tool',
  tool: name,
  category,
  summary,
  options: [
    { id: 'allow', label: 'Allow' },
    { id: 'deny', label: 'Deny' },
  ],
});
