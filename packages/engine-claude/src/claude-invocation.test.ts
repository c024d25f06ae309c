import { describe, expect, test } from 'vitest';
import { claudeConfigSchema } from './claude-config.js';
import { claudeInvocation } from './claude-invocation.js';

const req = (prompt: string, resume?: string) => ({
  prompt,
  cwd: '/tmp',
  session: 'console:local',
  chat: { transport: 'console', chat: 'local' },
  ...(resume ? { resume } : {}),
});
const defaults = claudeConfigSchema.parse({});

describe('claudeInvocation', () => {
  test('the prompt is the argument after -p, as the CLI documents', () => {
    expect(claudeInvocation(defaults, req('Say hi', 'sess-1'))).toEqual({
      args: ['-p', 'Say hi', '--output-format', 'stream-json', '--verbose', '--resume', 'sess-1'],
      stdin: null,
      promptVia: 'argv',
    });
  });

  test.each([
    ['starts with a dash', '- fix the tests'],
    ['is longer than one argument may be', 'x'.repeat(100_001)],
    ['holds a NUL byte', 'a\0b'],
  ])('a prompt that %s goes to stdin as one stream-json user message', (_, prompt) => {
    const inv = claudeInvocation(defaults, req(prompt));
    expect(inv.args).toEqual([
      '-p',
      '--input-format',
      'stream-json',
      '--output-format',
      'stream-json',
      '--verbose',
    ]);
    const stdin = inv.stdin as { text: string };
    expect(stdin.text.endsWith('\n')).toBe(true);
    expect(JSON.parse(stdin.text)).toEqual({ type: 'user', message: { role: 'user', content: prompt } });
  });
});

describe('[engines.claude] schema', () => {
  test('defaults', () => {
    expect(defaults).toEqual({ path: 'claude', allowed_tools: [], extra_args: [], env: {}, grace_s: 10 });
  });

  test.each([['--output-format=json'], ['-p'], ['--resume'], ['--permission-prompt-tool']])(
    'extra_args may not carry %s, which Ferry sets itself',
    (flag) => {
      expect(claudeConfigSchema.safeParse({ extra_args: ['--max-turns', '3', flag] }).success).toBe(false);
    },
  );

  test('unknown keys are refused', () => {
    expect(claudeConfigSchema.safeParse({ pth: 'claude' }).success).toBe(false);
  });

  test('asks in chat only with a channel and a permission_mode that asks', () => {
    const approvals = { wait: () => new Promise<never>(() => {}) };
    const asking = claudeConfigSchema.parse({ permission_mode: 'acceptEdits', model: 'opus' });
    expect(claudeInvocation(asking, { ...req('- hi', 's1'), approvals })).toEqual({
      args: [
        '-p',
        '--input-format',
        'stream-json',
        '--output-format',
        'stream-json',
        '--verbose',
        '--resume',
        's1',
        '--model',
        'opus',
        '--permission-mode',
        'acceptEdits',
        '--permission-prompt-tool',
        'stdio',
      ],
      stdin: 'pipe',
      promptVia: 'control',
    });
    expect(claudeInvocation(asking, req('hi')).promptVia).toBe('argv');
    const bypass = claudeConfigSchema.parse({ permission_mode: 'bypassPermissions' });
    expect(claudeInvocation(bypass, { ...req('hi'), approvals }).promptVia).toBe('argv');
    expect(claudeInvocation(defaults, { ...req('hi'), approvals }).promptVia).toBe('argv');
  });
});
