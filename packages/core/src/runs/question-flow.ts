import type { ApprovalQuestion, ApprovalRequest } from '../api/approval.js';

export type FlowStep = 'next' | 'finished' | 'toggled' | 'empty' | 'stale';

/**
 * The answers to one question request, one question at a time: a tap on a single-choice
 * option answers it, a multi-select question collects toggles until "Done", and a question
 * armed for text takes the next plain message of the user who armed it.
 */
export class QuestionFlow {
  readonly questions: readonly ApprovalQuestion[];
  readonly answers: Record<string, string> = {};
  readonly selected = new Set<number>();
  index = 0;
  /** Who asked to answer the current question in text (only their next message counts). */
  textBy?: { readonly id: string; readonly name: string };
  /** The first question's chosen option id: what an API 1.2 runner reads as `optionId`. */
  firstOptionId?: string;

  constructor(request: ApprovalRequest) {
    this.questions = request.questions?.length
      ? request.questions
      : [{ question: request.summary, options: request.options }];
  }

  get current(): ApprovalQuestion {
    return this.questions[this.index]!;
  }

  /**
   * A press of `<question index>.<option index | done | text>`. A button of a question
   * already answered is stale: its message has moved on.
   */
  press(suffix: string, by: { id: string; name: string }): FlowStep {
    const m = /^(\d+)\.(\d+|done|text)$/.exec(suffix);
    if (!m || Number(m[1]) !== this.index) return 'stale';
    const q = this.current;
    if (m[2] === 'text') {
      this.textBy = by;
      return 'toggled';
    }
    if (m[2] === 'done') {
      if (!q.multiSelect) return 'stale';
      if (this.selected.size === 0) return 'empty';
      const chosen = [...this.selected].sort((a, b) => a - b).map((i) => q.options[i]!);
      return this.#answer(chosen.map((o) => o.label).join(', '), chosen[0]!.id);
    }
    const i = Number(m[2]);
    const option = q.options[i];
    if (!option) return 'stale';
    if (q.multiSelect) {
      if (!this.selected.delete(i)) this.selected.add(i);
      return 'toggled';
    }
    return this.#answer(option.label, option.id);
  }

  /** The armed user's message: the current question's answer, in their words. */
  text(text: string): FlowStep {
    return this.#answer(text.trim(), undefined);
  }

  /** Lines for the questions answered so far, shown above the current one. */
  answeredLines(): string[] {
    return this.questions
      .slice(0, this.index)
      .map((q) => `✓ ${q.header ?? q.question}: ${this.answers[q.question]}`);
  }

  /** The outcome line once all are answered. */
  summary(by: string): string {
    if (this.questions.length === 1)
      return `✓ ${this.answers[this.questions[0]!.question]} — answered by ${by}`;
    const parts = this.questions.map((q) => `${q.header ?? q.question}: ${this.answers[q.question]}`);
    return `✓ ${parts.join(' · ')} — answered by ${by}`;
  }

  #answer(value: string, optionId: string | undefined): FlowStep {
    this.answers[this.current.question] = value;
    if (this.index === 0 && optionId) this.firstOptionId = optionId;
    this.selected.clear();
    this.textBy = undefined;
    this.index++;
    return this.index >= this.questions.length ? 'finished' : 'next';
  }
}
