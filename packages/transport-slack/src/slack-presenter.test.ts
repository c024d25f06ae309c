import type { FinalView } from '@ferry/core';
import { describe, expect, it } from 'vitest';
import { SlackPresenter, splitKeepingFences } from './slack-presenter.js';

const view: FinalView = {
  engine: 'demo',
  model: 'demo',
  ok: true,
  answer: '**Done**: `a < b`',
  durationMs: 2300,
  steps: 3,
  resumeLine: 'demo --resume abc',
};

describe('SlackPresenter', () => {
  it('renders the answer as mrkdwn with an italic footer and the resume line as plain text', () => {
    const [msg, ...rest] = new SlackPresenter().answer(view, 3900);
    expect(rest).toEqual([]);
    expect(msg!.text).toMatch(/^\*Done\*: `a &lt; b`\n\n_— demo \(demo\) · [^_\n]+_\ndemo --resume abc$/);
  });

  it('shows failures with a warning and progress with a Cancel button carrying the cancel data', () => {
    const p = new SlackPresenter();
    expect(p.answer({ ...view, ok: false, answer: '', error: 'exit 1 <boom>' }, 3900)[0]!.text).toMatch(
      /^:warning: exit 1 &lt;boom&gt;\n\n_— demo/,
    );
    const progress = p.progress({
      engine: 'demo',
      elapsedMs: 1000,
      status: 'running',
      actions: [{ action: { id: 'a', kind: 'command', title: '$ ls > x' }, state: 'running' }],
      cancelData: 'cancel:9',
    });
    expect(progress.text).toContain('▸ $ ls &gt; x');
    expect(progress.buttons).toEqual([[{ text: 'Cancel', data: 'cancel:9' }]]);
    expect(p.summary(view).text).toMatch(/^✓ done · .+ · 3 step\(s\)$/);
    expect(
      p.progress({ engine: 'demo', elapsedMs: 0, status: 'cancelling', actions: [], cancelData: 'cancel:9' })
        .buttons,
    ).toBeUndefined();
  });

  it('says a cancelled run was interrupted', () => {
    const p = new SlackPresenter();
    const cancelled = { ...view, ok: false, answer: '', error: 'cancelled' };
    expect(p.answer(cancelled, 3900)[0]!.text).toMatch(/^⏹ Run interrupted: cancelled\.\n\n_— demo/);
    expect(p.summary(cancelled).text).toMatch(/^⏹ cancelled · /);
  });

  it('splits long answers within the limit, closing and reopening a code fence at a cut', () => {
    const code = Array.from({ length: 60 }, (_, i) => `line ${i}`).join('\n');
    const parts = splitKeepingFences(`intro\n\n\`\`\`\n${code}\n\`\`\`\n\nouttro`, 200);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(200);
      expect((part.match(/^```/gm) ?? []).length % 2).toBe(0);
    }
    expect(parts.join('\n').replace(/\n```\n```\n/g, '\n')).toContain('line 0\nline 1');
  });
});
