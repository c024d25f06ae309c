import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, markdownToMrkdwn } from './markdown-to-mrkdwn.js';

describe('markdownToMrkdwn', () => {
  it('converts emphasis, links, headings and bullets', () => {
    expect(markdownToMrkdwn('**bold** and *italic* and _also_ and ~~gone~~')).toBe(
      '*bold* and _italic_ and _also_ and ~gone~',
    );
    expect(markdownToMrkdwn('see [the docs](https://x.dev/a?b=1&c=2)')).toBe(
      'see <https://x.dev/a?b=1&amp;c=2|the docs>',
    );
    expect(markdownToMrkdwn('## Result **now**\n- one\n* two')).toBe('*Result now*\n• one\n• two');
    expect(markdownToMrkdwn('> quoted **x**')).toBe('>quoted *x*');
  });

  it('escapes & < > everywhere and leaves code alone', () => {
    expect(markdownToMrkdwn('a < b && c > d')).toBe('a &lt; b &amp;&amp; c &gt; d');
    expect(markdownToMrkdwn('run `ls **x** <y>` now')).toBe('run `ls **x** &lt;y&gt;` now');
    expect(markdownToMrkdwn('```ts\nconst a = **b** < 2;\n```')).toBe('```\nconst a = **b** &lt; 2;\n```');
    expect(markdownToMrkdwn('```\nopen fence')).toBe('```\nopen fence\n```');
  });

  it('escapes plain text for mrkdwn', () => {
    expect(escapeMrkdwn('$ cat a > b & echo <x>')).toBe('$ cat a &gt; b &amp; echo &lt;x&gt;');
  });
});
