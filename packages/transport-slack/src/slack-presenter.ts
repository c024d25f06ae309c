import {
  type FinalView,
  type OutgoingMessage,
  PlainPresenter,
  type Presenter,
  type ProgressView,
  splitText,
} from '@ferry/core';
import { escapeMrkdwn, markdownToMrkdwn } from './markdown-to-mrkdwn.js';

const FENCE_LINE = /^```/gm;
/** RunService's error for a run stopped by /cancel or the button; DESIGN §10 wants "interrupted" in its notice. */
const CANCELLED = 'cancelled';

/**
 * Slack rendering: the host's plain layout, escaped for mrkdwn; answers converted from
 * Markdown, the footer in italics, long answers split so every part keeps its code fences
 * closed. The Cancel button comes from the plain progress view and becomes Block Kit in the
 * transport.
 */
export class SlackPresenter implements Presenter {
  readonly #plain = new PlainPresenter();

  progress(view: ProgressView): OutgoingMessage {
    // once cancelling, a second click has nothing left to do: the button goes
    const msg = this.#plain.progress(
      view.status === 'cancelling' ? { ...view, cancelData: undefined } : view,
    );
    return { ...msg, text: escapeMrkdwn(msg.text) };
  }

  answer(view: FinalView, maxTextLength: number): OutgoingMessage[] {
    const answer = view.answer ? markdownToMrkdwn(view.answer) : '';
    const body = view.ok
      ? answer || '(no answer text)'
      : view.error === CANCELLED
        ? '⏹ Run interrupted: cancelled.'
        : `:warning: ${escapeMrkdwn(view.error ?? 'the run failed')}${answer ? `\n\n${answer}` : ''}`;
    const [footer = '', ...rest] = this.#plain.footer(view).split('\n');
    // the resume line stays plain text: a runner finds it again in the answer's text
    const tail = [`_${escapeMrkdwn(footer)}_`, ...rest.map(escapeMrkdwn)].join('\n');
    return splitKeepingFences(`${body}\n\n${tail}`, maxTextLength).map((text) => ({ text }));
  }

  summary(view: FinalView): OutgoingMessage {
    const msg = this.#plain.summary(view);
    const text = view.error === CANCELLED ? msg.text.replace(/^✗ failed/, '⏹ cancelled') : msg.text;
    return { ...msg, text: escapeMrkdwn(text) };
  }
}

/** splitText, then a fence left open at a cut is closed there and reopened in the next part. */
export function splitKeepingFences(text: string, max: number): string[] {
  const reserve = '\n```'.length;
  const parts = splitText(text, Math.max(1, max - 2 * reserve));
  let open = false;
  return parts.map((part) => {
    const body = open ? `\`\`\`\n${part}` : part;
    const fences = (part.match(FENCE_LINE) ?? []).length;
    open = open !== (fences % 2 === 1);
    return open ? `${body}\n\`\`\`` : body;
  });
}
