import type { ApprovalMode, ApprovalRequest } from '../api/approval.js';

export interface PolicyState {
  /** The chat's mode now (absent: none set; everything is asked, as before modes existed). */
  readonly mode?: ApprovalMode;
  /** This run's plan was approved in `plan` mode. */
  readonly planApproved: boolean;
  /** The user allowed this request's tool "always in this session". */
  readonly alwaysAllowed: boolean;
}

/**
 * Why the host may allow `request` without asking, or undefined when the user must decide.
 * Questions are never answered for the user: only a person knows the answer.
 */
export function autoAllowReason(request: ApprovalRequest, s: PolicyState): string | undefined {
  if (request.kind !== 'tool') return undefined;
  const category = request.category ?? 'other';
  if (s.mode === 'bypass') return 'bypass mode';
  if (s.planApproved) return 'the plan was approved';
  // a plan is approved per run, never remembered: the next run plans again
  if (s.alwaysAllowed && category !== 'plan') return 'always allowed in this session';
  if ((s.mode === 'edits' || s.mode === 'plan') && category === 'read')
    return `${s.mode} mode lets reads through`;
  return undefined;
}
