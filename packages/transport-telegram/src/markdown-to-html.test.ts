import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../test/fakes/telegram-html.js';
import { escapeMarkdown, markdownToHtml } from './markdown-to-html.js';

/** What Telegram would show: the fake parses HTML exactly as strictly as Telegram. */
const shown = (md: string) => parseHtml(markdownToHtml(md));

describe('markdownToHtml', () => {
  it('escapes what HTML reserves, everywhere', () => {
    expect(markdownToHtml('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(markdownToHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('turns fences into pre blocks with their language, code kept verbatim', () => {
    const md = 'Here:\n```ts\nif (a < b && **c**) {}\n```\ndone';
    expect(markdownToHtml(md)).toBe(
      'Here:\n<pre><code class="language-ts">if (a &lt; b &amp;&amp; **c**) {}</code></pre>\ndone',
    );
    expect(markdownToHtml('```\nplain\n```')).toBe('<pre>plain</pre>');
    // an unclosed fence runs to the end instead of breaking the message
    expect(shown('```py\nprint(1)\nmore').entities).toEqual([
      { type: 'pre', offset: 0, length: 13, language: 'py' },
    ]);
  });

  it('renders inline code, bold, italic, strikethrough, links and headings', () => {
    expect(markdownToHtml('run `ls -la <dir>` now')).toBe('run <code>ls -la &lt;dir&gt;</code> now');
    expect(markdownToHtml('**bold** and *it* and _it_ and ~~gone~~')).toBe(
      '<b>bold</b> and <i>it</i> and <i>it</i> and <s>gone</s>',
    );
    expect(markdownToHtml('see [the docs](https://example.com/a_b?x=1&y="2")')).toBe(
      'see <a href="https://example.com/a_b?x=1&amp;y=&quot;2&quot;">the docs</a>',
    );
    expect(markdownToHtml('## Summary')).toBe('<b>Summary</b>');
    expect(markdownToHtml('- one\n* two')).toBe('• one\n• two');
    expect(markdownToHtml('**a *b* c**')).toBe('<b>a <i>b</i> c</b>');
  });

  it('leaves snake_case, globs, math and stray markers as text', () => {
    for (const text of [
      'my_var_name and other_thing',
      'src/**/*.ts',
      '2 * 3 * 4',
      'a ** b',
      '__init__.py',
      '~/file~',
    ]) {
      expect(shown(text).text, text).toBe(text);
    }
  });

  it('backslash escapes keep markers literal', () => {
    expect(shown(escapeMarkdown('**not bold** and `x` and [a](b)')).text).toBe(
      '**not bold** and `x` and [a](b)',
    );
  });

  it('never produces HTML Telegram refuses, whatever the input', () => {
    const pieces = [
      '*',
      '**',
      '_',
      '`',
      '```',
      '~~',
      '[',
      ']',
      '(',
      ')',
      'http://x.y',
      '<',
      '>',
      '&',
      'a',
      ' ',
      '\n',
      '#',
      '- ',
      '\\',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let n = 0; n < 3000; n++) {
      const md = Array.from(
        { length: 1 + Math.floor(random() * 25) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      expect(() => shown(md), JSON.stringify(md)).not.toThrow();
    }
  });

  it('only removes characters: the visible text is never longer than the Markdown', () => {
    for (const md of ['**a**', '`x`', '```ts\ncode\n```', '[l](https://x.y)', '# h', 'a & b']) {
      expect(shown(md).text.length).toBeLessThanOrEqual(md.length);
    }
  });
});
