import { describe, expect, it } from 'vitest';
import { chatBlock } from './chat-block.js';

describe('chatBlock', () => {
  it('fences short output as it is', () => {
    expect(chatBlock(' M a.ts\n?? b.ts\n\n', 100)).toBe('```\n M a.ts\n?? b.ts\n```');
  });

  it('cuts long output at a line boundary and says how much was left out', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const block = chatBlock(lines.join('\n'), 40);
    expect(block).toBe('```\nline 0\nline 1\nline 2\nline 3\nline 4\n```\n… 45 more line(s)');
  });

  it('cuts a single overlong line, and keeps a fence in the output from closing the block', () => {
    expect(chatBlock('x'.repeat(30), 10)).toBe(`\`\`\`\n${'x'.repeat(9)}…\n\`\`\``);
    expect(chatBlock('```js', 100)).not.toContain('\n```js');
  });
});
