import type { FinalView, ProgressView } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../test/fakes/telegram-html.js';
import { markdownToHtml } from './markdown-to-html.js';
import { TelegramPresenter } from './telegram-presenter.js';

const p = new TelegramPresenter();
const shown = (md: string) => parseHtml(markdownToHtml(md)).text;

const action = (id: string, title: string, state: 'running' | 'ok' | 'failed') => ({
  action: { id, kind: 'tool' as const, title },
  state,
});

const final: FinalView = {
  engine: 'demo',
  model: 'demo-1',
  ok: true,
  answer: 'The answer is **42**.',
  durationMs: 12_300,
  steps: 3,
  usage: { inputTokens: 10, outputTokens: 20, costUsd: 0.0123 },
  resumeLine: 'demo --resume abc-123',
};

describe('TelegramPresenter', () => {
  it('progress: engine, elapsed, steps, the newest actions with marks, and a Cancel button', () => {
    const view: ProgressView = {
      engine: 'demo',
      elapsedMs: 3400,
      status: 'running',
      cancelData: 'cancel:7',
      actions: [
        ...Array.from({ length: 7 }, (_, i) => action(`a${i}`, `Step ${i}`, 'ok' as const)),
        action('f', 'Broken *thing*', 'failed'),
        action('r', 'Read src/my_file.ts', 'running'),
      ],
    };
    const msg = p.progress(view);
    expect(shown(msg.text).split('\n')).toEqual([
      '⚙️ working · demo · 3 s · 8 steps',
      '… 3 earlier',
      '✓ Step 3',
      '✓ Step 4',
      '✓ Step 5',
      '✓ Step 6',
      '✗ Broken *thing*',
      '▸ Read src/my_file.ts',
    ]);
    expect(msg.buttons).toEqual([[{ text: '✖ Cancel', data: 'cancel:7' }]]);
    expect(msg.silent).toBe(true);
    expect(p.progress({ ...view, status: 'cancelling' }).buttons).toBeUndefined();
    expect(
      shown(p.progress({ engine: 'demo', elapsedMs: 0, actions: [], status: 'queued', ahead: 2 }).text),
    ).toBe('⏳ queued · 2 ahead · demo');
  });

  it('answer: the engine Markdown, then a footer with engine, time, steps, tokens and cost, and a copyable resume line', () => {
    const [msg] = p.answer(final, 4096);
    const html = parseHtml(markdownToHtml(msg!.text));
    expect(html.text).toBe(
      'The answer is 42.\n\n— demo (demo-1) · 12 s · 3 steps · 10 in / 20 out tokens · $0.0123\ndemo --resume abc-123',
    );
    expect(html.entities.map((e) => e.type)).toEqual(['bold', 'code']);
  });

  it('answer: long answers are split with the footer on the last part, leaving room for a re-send marker', () => {
    const parts = p.answer({ ...final, answer: 'word '.repeat(2000) }, 4096);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts)
      expect(part.text.length + '\n\n(re-sent after a restart)'.length).toBeLessThanOrEqual(4096);
    expect(parts.at(-1)!.text).toContain('— demo (demo-1)');
    expect(parts[0]!.text).not.toContain('— demo');
  });

  it('failed and cancelled runs say so; a cancelled one says "interrupted"', () => {
    const [failed] = p.answer({ ...final, ok: false, answer: '', error: 'engine exited with 2' }, 4096);
    expect(shown(failed!.text)).toMatch(/^⚠️ engine exited with 2\n\n— demo/);
    const [cancelled] = p.answer({ ...final, ok: false, answer: '', error: 'cancelled' }, 4096);
    expect(cancelled!.text).toContain('interrupted');
    expect(p.summary({ ...final, ok: false, error: 'cancelled' }).text).toMatch(
      /^⏹ cancelled · 12 s · 3 steps$/,
    );
    expect(p.summary(final).text).toBe('✓ done · 12 s · 3 steps');
  });
});
