import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../test/fakes/telegram-html.js';
import { markdownToHtml } from './markdown-to-html.js';
import { splitMessage } from './split-message.js';

describe('splitMessage', () => {
  it('leaves a short text whole, footer included', () => {
    expect(splitMessage('hello', 100, { footer: '— demo' })).toEqual(['hello\n\n— demo']);
  });

  it('cuts at paragraph boundaries, numbers the parts and keeps the footer whole on the last', () => {
    const para = (c: string) => `${c.repeat(300)}`;
    const text = [para('a'), para('b'), para('c'), para('d')].join('\n\n');
    const parts = splitMessage(text, 700, { footer: '— demo · 1 s' });
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((p, i) => {
      expect(p.length).toBeLessThanOrEqual(700);
      expect(p.startsWith(`(${i + 1}/${parts.length})\n`)).toBe(true);
    });
    expect(parts.at(-1)!.endsWith('\n\n— demo · 1 s')).toBe(true);
    expect(parts.slice(0, -1).some((p) => p.includes('— demo'))).toBe(false);
    expect(parts.join('').replace(/\(\d\/\d\)\n|\n|— demo · 1 s/g, '')).toBe(
      'a'.repeat(300) + 'b'.repeat(300) + 'c'.repeat(300) + 'd'.repeat(300),
    );
  });

  it('closes a code block cut in two and reopens it, with its language, in the next part', () => {
    const code = Array.from({ length: 200 }, (_, i) => `line ${i} of the program`).join('\n');
    const parts = splitMessage(`Intro\n\`\`\`python\n${code}\n\`\`\`\nOutro`, 1000);
    expect(parts.length).toBeGreaterThan(3);
    for (const [i, p] of parts.entries()) {
      expect(p.length).toBeLessThanOrEqual(1000);
      expect((p.match(/^```/gm) ?? []).length % 2, `part ${i}`).toBe(0);
      if (i > 0 && i < parts.length - 1) expect(p).toContain('```python\n');
      // and each part renders to HTML Telegram accepts, with the code as a pre block
      expect(parseHtml(markdownToHtml(p)).entities.some((e) => e.type === 'pre')).toBe(true);
    }
    const lines = parts
      .join('\n')
      .split('\n')
      .filter((l) => l.startsWith('line '));
    expect(lines).toHaveLength(200);
  });

  it('counts UTF-16 units and never cuts an emoji in half', () => {
    const text = '😀'.repeat(3000);
    const parts = splitMessage(text, 4096);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(4096);
      expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(parts.join('').replace(/\(\d\/\d\)\n/g, '')).toBe(text);
  });

  it('moves the footer on when it does not fit the last part', () => {
    const parts = splitMessage(`${'x '.repeat(240)}`, 300, { footer: 'f'.repeat(200) });
    expect(parts.every((p) => p.length <= 300)).toBe(true);
    expect(parts.at(-1)!.endsWith('f'.repeat(200))).toBe(true);
  });
});
