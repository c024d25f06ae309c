import type { OutgoingMessage } from '../api/messages.js';
import type { FinalView, Presenter, ProgressView } from '../api/presenter.js';
import { formatDuration } from './format-duration.js';
import { splitText } from './split-text.js';

const ICON = { running: '▸', ok: '✓', failed: '✗' } as const;
/** Long runs would make the progress message scroll; the newest steps matter most. */
const MAX_SHOWN_ACTIONS = 8;

/** The host's rendering for transports without a presenter of their own: plain text. */
export class PlainPresenter implements Presenter {
  progress(view: ProgressView): OutgoingMessage {
    const head =
      view.status === 'queued'
        ? `⏳ queued (${view.ahead ?? 0} ahead) · ${view.engine}`
        : `${view.status === 'cancelling' ? '⏹ cancelling' : '⚙️ working'} · ${view.engine}${view.model ? ` (${view.model})` : ''} · ${formatDuration(view.elapsedMs)}`;
    const shown = view.actions.slice(-MAX_SHOWN_ACTIONS);
    const hidden = view.actions.length - shown.length;
    const lines = [view.source ? `${head} · ${view.source}` : head];
    if (hidden > 0) lines.push(`… ${hidden} earlier step(s)`);
    for (const a of shown) lines.push(`${ICON[a.state]} ${a.action.title}`);
    return {
      text: lines.join('\n'),
      silent: true,
      ...(view.cancelData ? { buttons: [[{ text: 'Cancel', data: view.cancelData }]] } : {}),
    };
  }

  answer(view: FinalView, maxTextLength: number): OutgoingMessage[] {
    const body = view.ok
      ? view.answer || '(no answer text)'
      : `⚠️ ${view.error ?? 'the run failed'}${view.answer ? `\n\n${view.answer}` : ''}`;
    const footer = this.footer(view);
    const parts = splitText(`${body}\n\n${footer}`, maxTextLength);
    return parts.map((text) => ({ text }));
  }

  summary(view: FinalView): OutgoingMessage {
    const mark = view.ok ? '✓ done' : '✗ failed';
    return { text: `${mark} · ${formatDuration(view.durationMs)} · ${view.steps} step(s)`, silent: true };
  }

  footer(view: FinalView): string {
    const bits = [
      view.model ? `${view.engine} (${view.model})` : view.engine,
      formatDuration(view.durationMs),
    ];
    const u = view.usage;
    if (u?.inputTokens !== undefined || u?.outputTokens !== undefined) {
      bits.push(`${u?.inputTokens ?? 0} in / ${u?.outputTokens ?? 0} out tokens`);
    }
    if (u?.costUsd !== undefined) bits.push(`$${u.costUsd.toFixed(4)}`);
    if (view.source) bits.push(`via ${view.source}`);
    const footer = `— ${bits.join(' · ')}`;
    return view.resumeLine ? `${footer}\n${view.resumeLine}` : footer;
  }
}
