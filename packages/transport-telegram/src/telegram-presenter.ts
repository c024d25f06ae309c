import type { ActionView, FinalView, OutgoingMessage, Presenter, ProgressView } from '@ferry/core';
import { formatElapsed } from './format-elapsed.js';
import { escapeMarkdown } from './markdown-to-html.js';
import { splitMessage } from './split-message.js';

const MARK: Record<ActionView['state'], string> = { running: '▸', ok: '✓', failed: '✗' };
/** The newest steps matter; more would make the message jump on every edit. */
const SHOWN_ACTIONS = 6;
const TITLE_MAX = 80;
/**
 * Kept free in every answer part: an answer cut by a crash is re-sent with a marker
 * appended ("(re-sent after a restart)"), and it must still fit in one message.
 */
const RESEND_ROOM = 64;

/**
 * What Telegram users see. Everything is Markdown, which the transport renders as Telegram
 * HTML when sending (and sends as plain text if Telegram still refuses it), so the answer
 * keeps the engine's formatting and engine text is never trusted as markup.
 */
export class TelegramPresenter implements Presenter {
  progress(view: ProgressView): OutgoingMessage {
    const lines = [this.#head(view)];
    const shown = view.actions.slice(-SHOWN_ACTIONS);
    const hidden = view.actions.length - shown.length;
    if (hidden > 0) lines.push(`… ${hidden} earlier`);
    for (const a of shown)
      lines.push(`${MARK[a.state]} ${escapeMarkdown(truncate(a.action.title, TITLE_MAX))}`);
    const cancel = view.cancelData !== undefined && view.status !== 'cancelling';
    return {
      text: lines.join('\n'),
      silent: true,
      ...(cancel ? { buttons: [[{ text: '✖ Cancel', data: view.cancelData! }]] } : {}),
    };
  }

  answer(view: FinalView, maxTextLength: number): OutgoingMessage[] {
    return splitMessage(this.#body(view), maxTextLength - RESEND_ROOM, { footer: this.footer(view) }).map(
      (text) => ({
        text,
      }),
    );
  }

  summary(view: FinalView): OutgoingMessage {
    const head = view.error === 'cancelled' ? '⏹ cancelled' : view.ok ? '✓ done' : '✗ failed';
    return { text: `${head} · ${formatElapsed(view.durationMs)} · ${steps(view.steps)}`, silent: true };
  }

  /** Engine, model, time, steps, tokens, cost, source — then the resume line, copyable. */
  footer(view: FinalView): string {
    const bits = [
      view.model ? `${view.engine} (${view.model})` : view.engine,
      formatElapsed(view.durationMs),
      steps(view.steps),
    ];
    const u = view.usage;
    if (u?.inputTokens !== undefined || u?.outputTokens !== undefined) {
      bits.push(`${u?.inputTokens ?? 0} in / ${u?.outputTokens ?? 0} out tokens`);
    }
    if (u?.costUsd !== undefined) bits.push(`$${u.costUsd.toFixed(4)}`);
    if (view.source) bits.push(`via ${view.source}`);
    const footer = `— ${escapeMarkdown(bits.join(' · '))}`;
    if (!view.resumeLine) return footer;
    // as code so it can be copied with a tap; the visible text stays the plain line, which
    // is what a reply carries back (reply-to-continue)
    return view.resumeLine.includes('`')
      ? `${footer}\n${escapeMarkdown(view.resumeLine)}`
      : `${footer}\n\`${view.resumeLine}\``;
  }

  #head(view: ProgressView): string {
    const engine = view.model ? `${view.engine} (${view.model})` : view.engine;
    if (view.status === 'queued') return `⏳ queued · ${view.ahead ?? 0} ahead · ${escapeMarkdown(engine)}`;
    const state = view.status === 'cancelling' ? '⏹ cancelling' : '⚙️ working';
    const done = view.actions.filter((a) => a.state !== 'running').length;
    return `${state} · **${escapeMarkdown(engine)}** · ${formatElapsed(view.elapsedMs)} · ${steps(done)}`;
  }

  #body(view: FinalView): string {
    if (view.ok) return view.answer.trim() === '' ? '_(no answer text)_' : view.answer;
    if (view.error === 'cancelled') return '⏹ Run interrupted: cancelled.';
    const error = `⚠️ **${escapeMarkdown(view.error ?? 'the run failed')}**`;
    return view.answer ? `${error}\n\n${view.answer}` : error;
  }
}

function steps(n: number): string {
  return `${n} step${n === 1 ? '' : 's'}`;
}

function truncate(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
